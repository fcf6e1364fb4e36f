import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpsCertificateFetcher } from '../server/verification/fetchCertificate';
import {
  ALEXA_CERT_URL, blockNetwork, certificateSource, countedSkill, expectPlainRefusal, FORGED, launchBody, post, signedHeaders, TEST_CA,
  withService,
} from './support/webService';

// Issue 13 item 9: a refused certificate is remembered, good ones are kept in a bounded cache that
// honours expiry, and the download has a deadline and a size limit. The service runs on 127.0.0.1
// with outbound HTTPS blocked; certificates come from a counting fetcher.

let networkAttempts: string[] = [];
beforeEach(() => {
  networkAttempts = blockNetwork();
});
afterEach(() => jest.restoreAllMocks());

/** Sends `count` signed launches, `atOnce` at a time; resolves with their answers. */
async function sendSigned(url: string, count: number, atOnce: number, certUrl: (i: number) => string, key: string, now = Date.now) {
  const answers: Awaited<ReturnType<typeof post>>[] = [];
  for (let start = 0; start < count; start += atOnce) {
    const batch = Array.from({ length: Math.min(atOnce, count - start) }, (_, j) => {
      const body = launchBody(0, now());
      return post(url, body, signedHeaders(body, certUrl(start + j), key));
    });
    answers.push(...await Promise.all(batch));
  }
  return answers;
}

describe('refused certificates are remembered', () => {
  test('100 requests naming a forged certificate, 20 at a time, cost one download', async () => {
    const certificates = certificateSource(() => FORGED.chain);
    const { skill, invocations } = countedSkill();
    let answers: Awaited<ReturnType<typeof post>>[] = [];
    await withService({ skill, verify: true, certificates }, async ({ url }) => {
      answers = await sendSigned(url, 100, 20, () => ALEXA_CERT_URL, FORGED.key);
    });
    expect([...certificates.fetched, ...networkAttempts]).toEqual([ALEXA_CERT_URL]);
    expect(invocations()).toBe(0);
    for (const answer of answers) expectPlainRefusal(answer, 400);
    expect(new Set(answers.map((a) => a.text))).toEqual(new Set(['Bad Request: Certificate is not trusted\n']));
  });

  test('a download that fails is not retried for every request, and is retried once S3 may have recovered', async () => {
    let clock = Date.now();
    const certificates = certificateSource(() => {
      throw new Error('S3 is down');
    });
    const { skill } = countedSkill();
    await withService({ skill, verify: true, now: () => clock, certificates: { ...certificates, failedDownloadTtlMs: 30_000 } }, async ({ url }) => {
      const answers = await sendSigned(url, 30, 10, () => ALEXA_CERT_URL, FORGED.key, () => clock);
      for (const answer of answers) expectPlainRefusal(answer, 400, ['S3 is down']);
      expect(answers[0]?.text).toBe('Bad Request: Certificate could not be loaded\n');
      expect(certificates.fetched).toHaveLength(1);
      clock += 31_000;
      await sendSigned(url, 5, 5, () => ALEXA_CERT_URL, FORGED.key, () => clock);
    });
    expect(certificates.fetched).toHaveLength(2);
  });

  test('the memory of refusals is bounded: the oldest is forgotten first', async () => {
    const certificates = certificateSource(() => FORGED.chain);
    const { skill } = countedSkill();
    const certUrl = (i: number) => `https://s3.amazonaws.com/echo.api/cert-${i}.pem`;
    await withService({ skill, verify: true, certificates: { ...certificates, maxRefused: 3 } }, async ({ url }) => {
      await sendSigned(url, 4, 1, certUrl, FORGED.key); // cert-0 .. cert-3: cert-0 is forgotten
      await sendSigned(url, 3, 1, (i) => certUrl(i + 1), FORGED.key); // remembered: no download
      expect(certificates.fetched).toHaveLength(4);
      await sendSigned(url, 1, 1, certUrl, FORGED.key);
    });
    expect(certificates.fetched).toEqual([0, 1, 2, 3, 0].map(certUrl));
  });
});

describe('good certificates are kept, within a size limit and their expiry', () => {
  test('concurrent requests share one download; later ones use the cached chain', async () => {
    const certificates = certificateSource(() => new Promise<string>((resolve) => setTimeout(() => resolve(TEST_CA.chain), 100)));
    const { skill, invocations } = countedSkill();
    await withService({ skill, verify: true, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      const answers = await sendSigned(url, 40, 20, () => ALEXA_CERT_URL, TEST_CA.key);
      expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    });
    expect(certificates.fetched).toEqual([ALEXA_CERT_URL]);
    expect(invocations()).toBe(40);
  });

  test('at most maxGood chains are held: the least recently used is dropped and fetched again when named', async () => {
    const certificates = certificateSource(() => TEST_CA.chain);
    const { skill } = countedSkill();
    const certUrl = (i: number) => `https://s3.amazonaws.com/echo.api/echo-api-cert-${i}.pem`;
    await withService({ skill, verify: true, certificates: { ...certificates, trustedRoots: [TEST_CA.root], maxGood: 2 } }, async ({ url }) => {
      const first = await sendSigned(url, 3, 1, certUrl, TEST_CA.key); // 0, 1, 2: 0 is dropped
      expect(first.map((a) => a.status)).toEqual([200, 200, 200]);
      await sendSigned(url, 2, 1, (i) => certUrl(i + 1), TEST_CA.key); // 1, 2 still held
      expect(certificates.fetched).toHaveLength(3);
      await sendSigned(url, 1, 1, certUrl, TEST_CA.key);
    });
    expect(certificates.fetched).toEqual([0, 1, 2, 0].map(certUrl));
  });

  test('a cached chain is trusted only until it expires, then fetched again (and refused while expired)', async () => {
    let clock = Date.now();
    const certificates = certificateSource(() => TEST_CA.chain);
    const { skill } = countedSkill();
    const signingExpires = Date.parse(new X509Certificate(TEST_CA.chain).validTo);
    await withService({ skill, verify: true, now: () => clock, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      const before = await sendSigned(url, 2, 1, () => ALEXA_CERT_URL, TEST_CA.key, () => clock);
      expect(before.map((a) => a.status)).toEqual([200, 200]);
      expect(certificates.fetched).toHaveLength(1);
      clock = signingExpires + 60_000;
      const after = await sendSigned(url, 1, 1, () => ALEXA_CERT_URL, TEST_CA.key, () => clock);
      expectPlainRefusal(after[0] as Awaited<ReturnType<typeof post>>, 400);
      expect(after[0]?.text).toMatch(/Certificate expired or not yet valid/);
    });
    expect(certificates.fetched).toHaveLength(2);
  });

  test('a cached chain is fetched again after a day, even while it is valid', async () => {
    let clock = Date.now();
    const certificates = certificateSource(() => TEST_CA.chain);
    const { skill } = countedSkill();
    await withService({ skill, verify: true, now: () => clock, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      await sendSigned(url, 2, 1, () => ALEXA_CERT_URL, TEST_CA.key, () => clock);
      clock += 25 * 3600_000;
      const later = await sendSigned(url, 1, 1, () => ALEXA_CERT_URL, TEST_CA.key, () => clock);
      expect(later[0]?.status).toBe(200);
    });
    expect(certificates.fetched).toHaveLength(2);
  });
});

describe('the certificate download has a deadline and a size limit', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createHttpServer((req, res) => {
      if (req.url === '/stall') {
        res.writeHead(200);
        res.write('-----BEGIN CERTIFICATE-----\n');
        return; // and never finish
      }
      if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = 'A'.repeat(16 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 64 && res.write(chunk)) sent += 1;
          if (sent < 64) res.once('drain', pump);
          else res.end();
        };
        pump();
        return;
      }
      if (req.url === '/declared-huge') {
        res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
        res.write('x');
        return;
      }
      if (req.url === '/missing') {
        res.writeHead(404);
        res.end('no such key');
        return;
      }
      res.writeHead(200);
      res.end(TEST_CA.chain);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetcher = () => httpsCertificateFetcher({ timeoutMs: 300, maxBytes: 64 * 1024 }, httpGet);

  test('a download that stalls is abandoned at its deadline', async () => {
    const started = Date.now();
    await expect(fetcher()(`${base}/stall`)).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a download larger than the limit is abandoned, whether its length is declared or not', async () => {
    await expect(fetcher()(`${base}/huge`)).rejects.toThrow(/too large/);
    await expect(fetcher()(`${base}/declared-huge`)).rejects.toThrow(/too large/);
  });

  test('a status other than 200 is a failed download', async () => {
    await expect(fetcher()(`${base}/missing`)).rejects.toThrow(/status 404/);
  });

  test('a chain within the limits is returned whole', async () => {
    await expect(fetcher()(`${base}/chain.pem`)).resolves.toBe(TEST_CA.chain);
  });

  test('the default fetcher goes over HTTPS, which tests block', async () => {
    await expect(httpsCertificateFetcher()(ALEXA_CERT_URL)).rejects.toThrow(/network/);
    expect(networkAttempts).toEqual([ALEXA_CERT_URL]);
  });
});
