import type { ClientRequest, IncomingMessage } from 'node:http';
import https from 'node:https';

/** Downloads the PEM at a (checked) certificate URL; rejects on any failure. */
export type CertificateFetcher = (url: string) => Promise<string>;

export interface FetcherLimits {
  /** The whole download, connection to last byte: Alexa waits 8 s for the answer. */
  readonly timeoutMs: number;
  /** Amazon's chain is a few kilobytes. */
  readonly maxBytes: number;
}

const DEFAULT_FETCHER_LIMITS: FetcherLimits = { timeoutMs: 3000, maxBytes: 64 * 1024 };

type Get = (url: string, callback: (response: IncomingMessage) => void) => ClientRequest;

/**
 * The certificate fetcher over HTTPS (the system's trusted roots check S3's TLS certificate), with
 * a deadline and a size limit; redirects are not followed. `get` is https.get unless a test
 * serves the download from 127.0.0.1.
 */
export function httpsCertificateFetcher(limits: Partial<FetcherLimits> = {}, get?: Get): CertificateFetcher {
  const { timeoutMs, maxBytes } = { ...DEFAULT_FETCHER_LIMITS, ...limits };
  return (url) => new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (reason: string) => {
      clearTimeout(deadline);
      request.destroy();
      reject(new Error(reason));
    };
    // Looked up at call time, so that a test's spy on https.get sees (and can block) the call.
    const request = (get ?? https.get)(url, (response) => {
      const declared = Number(response.headers['content-length']);
      if (response.statusCode !== 200) return fail(`status ${response.statusCode ?? 'none'}`);
      if (Number.isFinite(declared) && declared > maxBytes) return fail('too large');
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) fail('too large');
        else chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(deadline);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
      response.on('error', () => fail('download failed'));
      return undefined;
    });
    const deadline = setTimeout(() => fail('timed out'), timeoutMs);
    request.on('error', () => fail('download failed'));
  });
}
