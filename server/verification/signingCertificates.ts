import type { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { LRUCache } from 'lru-cache';
import { Refusal } from '../refusal';
import { checkSigningChain, isValidAt, parseChain, parseRoots, validUntil } from './certificateChain';
import { httpsCertificateFetcher, type CertificateFetcher } from './fetchCertificate';

export interface SigningCertificateOptions {
  /** Downloads a certificate chain (tests inject one that counts calls and never leaves the machine). */
  readonly fetch: CertificateFetcher;
  /** PEM roots a chain must lead to: the roots Node trusts unless a test brings its own. */
  readonly trustedRoots: readonly string[];
  /** Good chains kept; Amazon signs with one or two at a time. */
  readonly maxGood: number;
  /** How long a good chain is trusted before it is fetched again (never past its own expiry). */
  readonly goodMaxAgeMs: number;
  /** Refused URLs remembered, so a flood of requests naming a bad certificate costs one download. */
  readonly maxRefused: number;
  /** How long a chain that failed the checks stays refused. */
  readonly refusedTtlMs: number;
  /** How long a download that failed (timeout, status, size) stays refused: short, as S3 may recover. */
  readonly failedDownloadTtlMs: number;
  /** Downloads in flight at once; a request that would start another is refused. */
  readonly maxConcurrentDownloads: number;
  readonly now: () => number;
}

const DEFAULT_SIGNING_CERTIFICATE_OPTIONS: Omit<SigningCertificateOptions, 'fetch' | 'trustedRoots'> = {
  maxGood: 8,
  goodMaxAgeMs: 24 * 60 * 60 * 1000,
  maxRefused: 256,
  refusedTtlMs: 60 * 60 * 1000,
  failedDownloadTtlMs: 30 * 1000,
  maxConcurrentDownloads: 4,
  now: Date.now,
};

const couldNotLoad = () => new Refusal(400, 'Certificate could not be loaded');

/**
 * Alexa's signing certificates by (normalised) URL: each downloaded once, checked once, kept while
 * valid in a bounded cache; refusals kept in another bounded cache; concurrent requests for the
 * same URL share one download.
 */
export class SigningCertificates {
  private readonly options: SigningCertificateOptions;
  private readonly roots: readonly X509Certificate[];
  private readonly good: LRUCache<string, X509Certificate>;
  private readonly refused: LRUCache<string, Refusal>;
  private readonly inFlight = new Map<string, Promise<X509Certificate>>();

  constructor(options: Partial<SigningCertificateOptions> = {}) {
    this.options = {
      ...DEFAULT_SIGNING_CERTIFICATE_OPTIONS,
      fetch: httpsCertificateFetcher(),
      trustedRoots: rootCertificates,
      ...options,
    };
    this.roots = parseRoots(this.options.trustedRoots);
    // The caches' clock is ours, so that a test can move time on; expiry is also checked on each use.
    const perf = { now: () => this.options.now() };
    this.good = new LRUCache({ max: this.options.maxGood, ttl: this.options.goodMaxAgeMs, ttlResolution: 0, perf });
    this.refused = new LRUCache({ max: this.options.maxRefused, ttl: this.options.refusedTtlMs, ttlResolution: 0, perf });
  }

  /** The signing certificate at `url` (already normalised), or the refusal that explains why not. */
  async signingCertificate(url: string): Promise<X509Certificate> {
    const now = this.options.now();
    const cached = this.good.get(url);
    if (cached && isValidAt(cached, now)) return cached;
    if (cached) this.good.delete(url);
    const refusal = this.refused.get(url);
    if (refusal) throw refusal;
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    if (this.inFlight.size >= this.options.maxConcurrentDownloads) throw couldNotLoad();
    const download = this.download(url).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, download);
    return download;
  }

  private async download(url: string): Promise<X509Certificate> {
    let pem: string;
    try {
      pem = await this.options.fetch(url);
    } catch {
      const refusal = couldNotLoad();
      this.refused.set(url, refusal, { ttl: this.options.failedDownloadTtlMs });
      throw refusal;
    }
    try {
      const chain = parseChain(pem);
      const now = this.options.now();
      checkSigningChain(chain, this.roots, now);
      const signing = chain[0] as X509Certificate;
      this.good.set(url, signing, { ttl: Math.max(1, Math.min(this.options.goodMaxAgeMs, validUntil(signing) - now)) });
      return signing;
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal(400, 'Certificate is not trusted');
      this.refused.set(url, refusal);
      throw refusal;
    }
  }
}
