import { verify as verifySignature } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Verifier } from 'ask-sdk-express-adapter';
import { Refusal } from '../refusal';
import { normaliseCertificateUrl } from './certificateUrl';
import { SigningCertificates, type SigningCertificateOptions } from './signingCertificates';

/** A base64 RSA signature; Amazon's are 2048-bit (344 characters), this allows up to 8192-bit keys. */
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{1,1400}={0,2}$/;

function header(headers: IncomingHttpHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Alexa's signature check on Node's crypto: the certificate URL is checked (and normalised) before
 * anything is fetched, the chain comes from SigningCertificates, and `Signature-256` must be the
 * signing certificate's RSA-SHA256 signature over the exact body.
 */
export function alexaSignatureVerifier(options: Partial<SigningCertificateOptions> = {}): Verifier {
  const certificates = new SigningCertificates(options);
  return {
    verify: async (body: string, headers?: IncomingHttpHeaders) => {
      const certificateUrl = header(headers, 'signaturecertchainurl');
      if (!certificateUrl) throw new Refusal(400, 'Missing Certificate URL');
      const signature = header(headers, 'signature-256');
      if (!signature) throw new Refusal(400, 'Missing Signature');
      const url = normaliseCertificateUrl(certificateUrl);
      if (!BASE64_SIGNATURE.test(signature)) throw new Refusal(400, 'Signature is malformed');
      const signing = await certificates.signingCertificate(url);
      let matches = false;
      try {
        matches = verifySignature('RSA-SHA256', Buffer.from(body, 'utf8'), signing.publicKey, Buffer.from(signature, 'base64'));
      } catch {
        // A key that cannot make RSA signatures matches nothing.
      }
      if (!matches) throw new Refusal(400, 'Signature does not match the request');
    },
  };
}
