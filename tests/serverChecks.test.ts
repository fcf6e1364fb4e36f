import { normaliseCertificateUrl } from '../server/verification/certificateUrl';
import {
  type Answer, ALEXA_CERT_URL, blockNetwork, certificateSource, countedSkill, expectPlainRefusal, FORGED, launchBody, launchBodyStamped, post,
  signedHeaders, TEST_CA, withService,
} from './support/webService';

// The checks Alexa asks of a web service, made before any certificate is fetched: the certificate
// URL (issue 13 item 7) and the timestamp (item 8). Each hostile request goes to the service on
// 127.0.0.1 with outbound HTTPS blocked and a counting certificate fetcher.

let networkAttempts: string[] = [];
beforeEach(() => {
  networkAttempts = blockNetwork();
});
afterEach(() => jest.restoreAllMocks());

/** URLs that must be refused as they stand, and a fragment of each that must not be echoed. */
const HOSTILE_CERTIFICATE_URLS: readonly [string, string, string][] = [
  ['a dot segment out of echo.api', 'https://s3.amazonaws.com/echo.api/../attacker-bucket/cert.pem', 'attacker-bucket'],
  ['an encoded dot segment', 'https://s3.amazonaws.com/echo.api/%2e%2e/attacker-bucket/cert.pem', 'attacker-bucket'],
  ['a half-encoded dot segment', 'https://s3.amazonaws.com/echo.api/.%2E/attacker-bucket/cert.pem', 'attacker-bucket'],
  ['an encoded slash', 'https://s3.amazonaws.com/echo.api/..%2fattacker-bucket/cert.pem', 'attacker-bucket'],
  ['backslashes', 'https://s3.amazonaws.com/echo.api\\..\\attacker-bucket\\cert.pem', 'attacker-bucket'],
  ['a backslash before the path', 'https://s3.amazonaws.com\\echo.api/cert.pem', 'cert.pem'],
  ['a tab', 'https://s3.amazonaws.com/echo.api/\t../attacker-bucket/cert.pem', 'attacker-bucket'],
  ['a space', 'https://s3.amazonaws.com/echo.api/ ../attacker-bucket/cert.pem', 'attacker-bucket'],
  ['user info', 'https://attacker@s3.amazonaws.com/echo.api/echo-api-cert-12.pem', 'attacker'],
  ['user info hiding another host', 'https://s3.amazonaws.com:443@attacker.example/echo.api/echo-api-cert-12.pem', 'attacker'],
  ['port 0', 'https://s3.amazonaws.com:0/echo.api/echo-api-cert-12.pem', ':0'],
  ['port 444', 'https://s3.amazonaws.com:444/echo.api/echo-api-cert-12.pem', '444'],
  ['a look-alike host', 'https://s3.amazonaws.com.attacker.example/echo.api/echo-api-cert-12.pem', 'attacker'],
  ['a trailing dot on the host', 'https://s3.amazonaws.com./echo.api/echo-api-cert-12.pem', 'amazonaws.com.'],
  ['a query', 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem?attacker=1', 'attacker'],
  ['the path in another case', 'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-12.pem', 'EcHo'],
];

describe('the certificate URL is checked, after normalisation, before anything is fetched', () => {
  test.each(HOSTILE_CERTIFICATE_URLS)('a certificate URL with %s is refused: 400, nothing fetched, nothing echoed', async (_name, certUrl, fragment) => {
    const certificates = certificateSource(() => FORGED.chain);
    const { skill, invocations } = countedSkill();
    const body = launchBody();
    let answer: Answer | undefined;
    await withService({ skill, verify: true, certificates }, async ({ url }) => {
      answer = await post(url, body, signedHeaders(body, certUrl, FORGED.key));
    });
    expect([...certificates.fetched, ...networkAttempts]).toEqual([]);
    expect(invocations()).toBe(0);
    expectPlainRefusal(answer as Answer, 400, [fragment, certUrl]);
    expect(answer?.text).toMatch(/certificate URL/);
  });

  test('spellings of Amazon\'s URL that normalise to it are fetched as that one URL, once', async () => {
    const certificates = certificateSource(() => TEST_CA.chain);
    const { skill } = countedSkill();
    const spellings = [
      ALEXA_CERT_URL,
      'HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com:443/echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-12.pem',
      'https://s3.amazonaws.com/echo.api/./echo-api-cert-12.pem',
    ];
    await withService({ skill, verify: true, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      for (const spelling of spellings) {
        const body = launchBody();
        const answer = await post(url, body, signedHeaders(body, spelling, TEST_CA.key));
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toMatchObject({ response: { shouldEndSession: false } });
      }
    });
    expect(certificates.fetched).toEqual([ALEXA_CERT_URL]);
    expect(networkAttempts).toEqual([]);
  });

  test.each([
    ['a control character', 'https://s3.amazonaws.com/echo.api/\u0001../attacker-bucket/cert.pem'],
    ['a newline', 'https://s3.amazonaws.com/echo.api/\n../attacker-bucket/cert.pem'],
    ['a leading space', ' https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem'],
    ['a non-ASCII letter', 'https://s3.amazonaws.com/echo.api/ech\u00f6-api-cert.pem'],
    ['a fragment', 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem#x'],
    ['no file', 'https://s3.amazonaws.com/echo.api/'],
    ['an empty segment', 'https://s3.amazonaws.com/echo.api//cert.pem'],
    ['no scheme', 's3.amazonaws.com/echo.api/echo-api-cert-12.pem'],
  ])('what no HTTP client would send is refused too (%s)', (_name, certUrl) => {
    expect(() => normaliseCertificateUrl(certUrl)).toThrow(/^certificate URL /);
  });
});

describe('the timestamp is within 150 seconds either way, checked before anything is fetched', () => {
  test.each([
    ['10 minutes ahead', new Date(Date.now() + 10 * 60_000).toISOString()],
    ['a year ahead', new Date(Date.now() + 365 * 24 * 3600_000).toISOString()],
    ['160 seconds ahead', new Date(Date.now() + 160_000).toISOString()],
    ['160 seconds ago', new Date(Date.now() - 160_000).toISOString()],
    ['not a date', 'not-a-date'],
    ['a date without a time', new Date().toISOString().slice(0, 10)],
    ['a number', Date.now()],
    ['missing', undefined],
  ])('a request stamped %s is refused: 400, nothing fetched', async (_name, timestamp) => {
    const certificates = certificateSource(() => TEST_CA.chain);
    const { skill, invocations } = countedSkill();
    const body = launchBodyStamped(timestamp);
    let answer: Answer | undefined;
    await withService({ skill, verify: true, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      answer = await post(url, body, signedHeaders(body, ALEXA_CERT_URL, TEST_CA.key));
    });
    expect([...certificates.fetched, ...networkAttempts]).toEqual([]);
    expect(invocations()).toBe(0);
    expectPlainRefusal(answer as Answer, 400, typeof timestamp === 'string' ? [timestamp] : []);
    expect(answer?.text).toMatch(/^Bad Request: Timestamp verification failed/);
  });

  test.each([['140 seconds ahead', 140_000], ['140 seconds ago', -140_000], ['now', 0]])('a signed request stamped %s is answered', async (_name, offset) => {
    const certificates = certificateSource(() => TEST_CA.chain);
    const { skill, invocations } = countedSkill();
    const body = launchBody(offset);
    await withService({ skill, verify: true, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      const answer = await post(url, body, signedHeaders(body, ALEXA_CERT_URL, TEST_CA.key));
      expect(answer.status).toBe(200);
    });
    expect(invocations()).toBe(1);
  });
});

describe('the signature and its chain', () => {
  const trusted = () => {
    const certificates = certificateSource(() => TEST_CA.chain);
    return { certificates, options: { ...certificates, trustedRoots: [TEST_CA.root] } };
  };

  test('a body changed after signing is refused', async () => {
    const { options } = trusted();
    const { skill, invocations } = countedSkill();
    const body = launchBody();
    await withService({ skill, verify: true, certificates: options }, async ({ url }) => {
      const answer = await post(url, body.replace('LaunchRequest', 'SessionEndedRequest'), signedHeaders(body, ALEXA_CERT_URL, TEST_CA.key));
      expectPlainRefusal(answer, 400);
      expect(answer.text).toMatch(/Signature does not match/);
    });
    expect(invocations()).toBe(0);
  });

  test('a trusted chain for another name is refused', async () => {
    const certificates = certificateSource(() => TEST_CA.otherDomainChain);
    const { skill, invocations } = countedSkill();
    const body = launchBody();
    await withService({ skill, verify: true, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      const answer = await post(url, body, signedHeaders(body, ALEXA_CERT_URL, TEST_CA.key));
      expectPlainRefusal(answer, 400, ['attacker']);
      expect(answer.text).toMatch(/Certificate is not for echo-api\.amazon\.com/);
    });
    expect(invocations()).toBe(0);
  });

  test('a chain that does not lead to a trusted root is refused (the test root is not one of Node\'s)', async () => {
    const certificates = certificateSource(() => TEST_CA.chain);
    const { skill, invocations } = countedSkill();
    const body = launchBody();
    await withService({ skill, verify: true, certificates }, async ({ url }) => {
      const answer = await post(url, body, signedHeaders(body, ALEXA_CERT_URL, TEST_CA.key));
      expectPlainRefusal(answer, 400);
      expect(answer.text).toMatch(/Certificate is not trusted/);
    });
    expect(invocations()).toBe(0);
  });

  test('the signing certificate alone, without the intermediate that signed it, is refused', async () => {
    const signingOnly = TEST_CA.chain.slice(0, TEST_CA.chain.indexOf('-----END CERTIFICATE-----') + 25);
    const certificates = certificateSource(() => signingOnly);
    const { skill } = countedSkill();
    const body = launchBody();
    await withService({ skill, verify: true, certificates: { ...certificates, trustedRoots: [TEST_CA.root] } }, async ({ url }) => {
      const answer = await post(url, body, signedHeaders(body, ALEXA_CERT_URL, TEST_CA.key));
      expectPlainRefusal(answer, 400);
      expect(answer.text).toMatch(/Certificate is not trusted/);
    });
  });
});
