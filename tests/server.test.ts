import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Skill } from 'ask-sdk-core';
import { TimestampVerifier, type Verifier } from 'ask-sdk-express-adapter';
import { setLogSink } from '../lambda/observability/log';
import { buildSkill } from '../lambda/skill';
import { createApp, type AppOptions } from '../server/app';
import { parseServeOptions } from '../server/serve';
import { buildEnvelope, newSession } from '../simulator/envelope';

// Everything here talks to 127.0.0.1 only. The signature verifier would fetch Amazon's certificate
// over HTTPS: https.get is replaced for every test, so no test can reach the network, and each test
// says what that fetch may return (nothing, by default: it must not be attempted at all).
const FORGED = join(__dirname, 'fixtures', 'forged-signing');
const AMAZON_STYLE_CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';

let certificateFetches: string[] = [];
let serveCertificate: string | null = null;

beforeEach(() => {
  certificateFetches = [];
  serveCertificate = null;
  const fakeGet = (url: unknown, callback: (response: PassThrough & { statusCode: number; headers: object }) => void) => {
    certificateFetches.push(String(url));
    if (serveCertificate === null) throw new Error('test tried to reach the network');
    const response = Object.assign(new PassThrough(), { statusCode: 200, headers: {} });
    const pem = serveCertificate;
    process.nextTick(() => {
      callback(response);
      response.end(pem);
    });
    return { on: () => undefined, end: () => undefined };
  };
  jest.spyOn(https, 'get').mockImplementation(fakeGet as unknown as typeof https.get);
  jest.spyOn(https, 'request').mockImplementation(() => {
    throw new Error('test tried to reach the network');
  });
});
afterEach(() => jest.restoreAllMocks());

let quiet: ReturnType<typeof setLogSink>;
beforeAll(() => {
  quiet = setLogSink(() => undefined);
});
afterAll(() => setLogSink(quiet));

/** Serves the app on 127.0.0.1 (a free port), runs the test, and closes it. */
async function withServer(options: AppOptions, run: (url: string) => Promise<void>): Promise<void> {
  const server: Server = await new Promise((resolve) => {
    const s = createApp(options).listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function launchBody(ageSeconds = 0): string {
  const envelope = buildEnvelope({ type: 'LaunchRequest' }, newSession()) as unknown as { request: { timestamp: string } };
  envelope.request.timestamp = new Date(Date.now() - ageSeconds * 1000).toISOString();
  return JSON.stringify(envelope);
}

const signWithForgedKey = (body: string) =>
  createSign('RSA-SHA256').update(body, 'utf8').sign(readFileSync(join(FORGED, 'key.pem'), 'utf8'), 'base64');

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: response.status, text: await response.text() };
}

/** A skill whose invocations are counted: a refused request must never reach it. */
function countedSkill(options: Parameters<typeof buildSkill>[0] = {}): { skill: Skill; invocations: () => number } {
  const skill = buildSkill(options);
  const spy = jest.spyOn(skill, 'invoke');
  return { skill, invocations: () => spy.mock.calls.length };
}

/** Accepts any signature: stands in for Amazon's certificate, which tests cannot have. */
const anySignature: Verifier = { verify: async () => undefined };

describe('npm run serve: the skill as a web service, verification on', () => {
  test('an unsigned request is refused before it reaches the skill', async () => {
    const { skill, invocations } = countedSkill();
    await withServer({ skill, verify: true }, async (url) => {
      const r = await post(url, launchBody());
      expect(r.status).toBe(400);
      expect(r.text).toMatch(/Missing Certificate/);
    });
    expect(invocations()).toBe(0);
    expect(certificateFetches).toEqual([]);
  });

  test.each([
    ['plain http', 'http://s3.amazonaws.com/echo.api/echo-api-cert.pem', /unsupported protocol/],
    ['another host', 'https://127.0.0.1/echo.api/echo-api-cert.pem', /invalid host name/],
    ['another path', 'https://s3.amazonaws.com/not-echo/echo-api-cert.pem', /invalid path/],
    ['another port', 'https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem', /invalid port/],
  ])('a request naming a certificate on %s is refused without fetching it', async (_name, certUrl, reason) => {
    const { skill, invocations } = countedSkill();
    const body = launchBody();
    await withServer({ skill, verify: true }, async (url) => {
      const r = await post(url, body, { SignatureCertChainUrl: certUrl, 'Signature-256': signWithForgedKey(body) });
      expect(r.status).toBe(400);
      expect(r.text).toMatch(reason);
    });
    expect(invocations()).toBe(0);
    expect(certificateFetches).toEqual([]);
  });

  test('a request signed with a forged certificate that claims to be Alexa is refused', async () => {
    serveCertificate = readFileSync(join(FORGED, 'cert.pem'), 'utf8');
    const { skill, invocations } = countedSkill();
    const body = launchBody();
    await withServer({ skill, verify: true }, async (url) => {
      const r = await post(url, body, { SignatureCertChainUrl: AMAZON_STYLE_CERT_URL, 'Signature-256': signWithForgedKey(body) });
      expect(r.status).toBe(400);
      // The signature matches the body; the certificate does not chain to a trusted authority.
      expect(r.text).toMatch(/Certificate is not trusted/);
      expect(r.text).not.toMatch(/Timestamp/);
    });
    expect(certificateFetches).toEqual([AMAZON_STYLE_CERT_URL]);
    expect(invocations()).toBe(0);
  });

  test('a stale request is refused even when its signature would pass; the same request fresh is answered', async () => {
    const { skill, invocations } = countedSkill();
    await withServer({ skill, verify: true, verifiers: [new TimestampVerifier(), anySignature] }, async (url) => {
      const stale = await post(url, launchBody(10 * 60));
      expect(stale.status).toBe(400);
      expect(stale.text).toMatch(/Timestamp verification failed/);
      expect(invocations()).toBe(0);
      const fresh = await post(url, launchBody(5));
      expect(fresh.status).toBe(200);
      expect(JSON.parse(fresh.text)).toMatchObject({ response: { shouldEndSession: false } });
    });
  });

  test('by default the timestamp is checked first, so a stale request fetches no certificate', async () => {
    serveCertificate = readFileSync(join(FORGED, 'cert.pem'), 'utf8');
    const { skill, invocations } = countedSkill();
    await withServer({ skill, verify: true }, async (url) => {
      const body = launchBody(10 * 60);
      const r = await post(url, body, { SignatureCertChainUrl: AMAZON_STYLE_CERT_URL, 'Signature-256': signWithForgedKey(body) });
      expect(r.status).toBe(400);
      expect(r.text).toMatch(/Timestamp verification failed/);
    });
    expect(certificateFetches).toEqual([]);
    expect(invocations()).toBe(0);
  });

  test('with SKILL_ID set, a verified request for another skill is not answered', async () => {
    const { skill } = countedSkill({ skillId: 'amzn1.ask.skill.ours' });
    await withServer({ skill, verify: true, verifiers: [new TimestampVerifier(), anySignature] }, async (url) => {
      const r = await post(url, launchBody());
      expect(r.status).toBe(500);
      expect(r.text).not.toMatch(/outputSpeech/);
    });
  });
});

describe('--insecure-local', () => {
  test('with verification off, an unsigned request is answered (for local tools only)', async () => {
    const { skill } = countedSkill();
    await withServer({ skill, verify: false }, async (url) => {
      const r = await post(url, launchBody());
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text)).toMatchObject({ version: '1.0', response: { shouldEndSession: false } });
    });
  });

  test('verification is on unless the flag is given; the flag is refused off loopback', () => {
    expect(parseServeOptions([], {})).toEqual({ port: 3000, host: '127.0.0.1', insecureLocal: false });
    expect(parseServeOptions(['--insecure-local', '--port', '0'], {})).toEqual({ port: 0, host: '127.0.0.1', insecureLocal: true });
    expect(() => parseServeOptions(['--insecure-local', '--host', '0.0.0.0'], {})).toThrow(/loopback/);
    expect(parseServeOptions(['--host', '0.0.0.0'], {}).insecureLocal).toBe(false);
  });
});
