import { X509Certificate } from 'node:crypto';
import { Refusal } from '../refusal';

/** The name Alexa's signing certificate carries among its subject alternative names. */
const ALEXA_SIGNING_DOMAIN = 'echo-api.amazon.com';
/** Amazon's chain is the signing certificate and one or two intermediates. */
const MAX_CHAIN_LENGTH = 5;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

const notTrusted = () => new Refusal(400, 'Certificate is not trusted');

/** The certificates of a PEM chain, signing certificate first; a refusal if any is unreadable. */
export function parseChain(pem: string): X509Certificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0 || blocks.length > MAX_CHAIN_LENGTH) throw new Refusal(400, 'Certificate could not be read');
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    throw new Refusal(400, 'Certificate could not be read');
  }
}

/** Parses trusted roots once; a root Node cannot read is left out, as it could vouch for nothing. */
export function parseRoots(pems: readonly string[]): X509Certificate[] {
  const roots: X509Certificate[] = [];
  for (const pem of pems) {
    try {
      roots.push(new X509Certificate(pem));
    } catch {
      // Unreadable here: skip it.
    }
  }
  return roots;
}

/** The moment a certificate stops being valid, in ms since the epoch. */
export function validUntil(certificate: X509Certificate): number {
  return Date.parse(certificate.validTo);
}

export function isValidAt(certificate: X509Certificate, nowMs: number): boolean {
  const from = Date.parse(certificate.validFrom);
  const to = validUntil(certificate);
  return Number.isFinite(from) && Number.isFinite(to) && from <= nowMs && nowMs <= to;
}

function issuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  return issuer.ca && subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
}

/**
 * Checks Alexa's signing chain as Amazon describes it: every certificate in date, the first one
 * naming echo-api.amazon.com (exactly, no wildcard, not from the subject), each signed by the
 * next, and the last one signed by (or being) a trusted root.
 */
export function checkSigningChain(chain: readonly X509Certificate[], roots: readonly X509Certificate[], nowMs: number): void {
  const [signing] = chain;
  if (!signing) throw notTrusted();
  if (!chain.every((certificate) => isValidAt(certificate, nowMs))) throw new Refusal(400, 'Certificate expired or not yet valid');
  if (signing.checkHost(ALEXA_SIGNING_DOMAIN, { subject: 'never', wildcards: false }) !== ALEXA_SIGNING_DOMAIN) {
    throw new Refusal(400, `Certificate is not for ${ALEXA_SIGNING_DOMAIN}`);
  }
  for (let i = 0; i + 1 < chain.length; i += 1) {
    if (!issuedBy(chain[i] as X509Certificate, chain[i + 1] as X509Certificate)) throw notTrusted();
  }
  const last = chain[chain.length - 1] as X509Certificate;
  const anchored = roots.some((root) => isValidAt(root, nowMs)
    && (root.fingerprint256 === last.fingerprint256 || issuedBy(last, root)));
  if (!anchored) throw notTrusted();
}
