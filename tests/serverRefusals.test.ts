import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  blockNetwork, certificateSource, countedSkill, expectPlainRefusal, FORGED, launchBody, post, rawExchange, signedHeaders, withService,
} from './support/webService';

// Issue 13 item 10: every refusal is a short plain-text status that quotes nothing of the request
// (no HTML, no stack trace, no file path), and standard error holds one JSON line per request.

const PRIVATE = 'my name is Jane Doe';

let networkAttempts: string[] = [];
beforeEach(() => {
  networkAttempts = blockNetwork();
});
afterEach(() => {
  jest.restoreAllMocks();
  expect(networkAttempts).toEqual([]);
});

describe('refusals are short plain statuses that echo nothing', () => {
  test.each([true, false])('with verification %s: a body that is not JSON gets 400, without the body', async (verify) => {
    const { skill, invocations } = countedSkill();
    await withService({ skill, verify, certificates: certificateSource() }, async ({ url }) => {
      expectPlainRefusal(await post(url, PRIVATE), 400, ['Jane', 'JSON at', 'Unexpected']);
      expectPlainRefusal(await post(url, `{"request": {"type": "${PRIVATE}"`), 400, ['Jane']);
      expectPlainRefusal(await post(url, `["${PRIVATE}"]`), 400, ['Jane']);
      expectPlainRefusal(await post(url, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400);
    });
    expect(invocations()).toBe(0);
  });

  test('a body over the limit gets 413, whether its length is declared or not', async () => {
    const { skill, invocations } = countedSkill();
    const big = JSON.stringify({ request: { type: 'LaunchRequest' }, padding: `${PRIVATE} `.repeat(20_000) });
    await withService({ skill, verify: false }, async ({ url, port }) => {
      const answer = await post(url, big);
      expectPlainRefusal(answer, 413, ['Jane']);
      expect(answer.text).toBe('Payload Too Large\n');
      // Declared too large: refused on the headers, before the body is read.
      const declared = await rawExchange(port, `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{`);
      expect(declared).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n[\s\S]*\r\n\r\nPayload Too Large\n$/);
    });
    expect(invocations()).toBe(0);
  });

  test.each([
    ['an unknown charset', { 'content-type': 'text/plain; charset=klingon' }],
    ['a charset other than UTF-8', { 'content-type': 'application/json; charset=iso-8859-1' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('%s gets 415', async (_name, headers) => {
    const { skill, invocations } = countedSkill();
    await withService({ skill, verify: false }, async ({ url }) => {
      const answer = await post(url, launchBody(), headers);
      expectPlainRefusal(answer, 415, ['klingon', 'iso-8859-1', 'x-www-form']);
      expect(answer.text).toBe('Unsupported Media Type: send application/json\n');
    });
    expect(invocations()).toBe(0);
  });

  test('a compressed body gets 415 (nothing is inflated)', async () => {
    const { skill, invocations } = countedSkill();
    await withService({ skill, verify: false }, async ({ url }) => {
      expectPlainRefusal(await post(url, gzipSync(launchBody()), { 'content-encoding': 'gzip' }), 415);
    });
    expect(invocations()).toBe(0);
  });

  test('another path gets 404 and another method 405, quoting neither', async () => {
    const { skill } = countedSkill();
    await withService({ skill, verify: false }, async ({ url }) => {
      const notFound = await fetch(`${url}jane-doe/%3Cscript%3E`, { method: 'POST', body: launchBody(), headers: { 'content-type': 'application/json' } });
      expectPlainRefusal({ status: notFound.status, text: await notFound.text(), contentType: notFound.headers.get('content-type') }, 404, ['jane', 'script']);
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const wrong = await fetch(url, { method });
        expectPlainRefusal({ status: wrong.status, text: await wrong.text(), contentType: wrong.headers.get('content-type') }, 405);
        expect(wrong.headers.get('allow')).toBe('POST');
      }
    });
  });

  test('a request the skill will not answer (another skill id) gets a bare 500', async () => {
    const { skill } = countedSkill({ skillId: 'amzn1.ask.skill.ours' });
    await withService({ skill, verify: false }, async ({ url }) => {
      const answer = await post(url, launchBody());
      expectPlainRefusal(answer, 500, ['skill', 'ID']);
      expect(answer.text).toBe('Internal Server Error\n');
    });
  });

  test('a refused signature says why, in our words only', async () => {
    const certificates = certificateSource(() => FORGED.chain);
    const { skill } = countedSkill();
    const body = launchBody();
    await withService({ skill, verify: true, certificates }, async ({ url }) => {
      const answer = await post(url, body, signedHeaders(body, 'https://s3.amazonaws.com/echo.api/../jane-doe/cert.pem', FORGED.key));
      expect(answer.text).toBe('Bad Request: certificate URL has an invalid path\n');
    });
  });

  test('headers over the limit and a malformed request line get a plain status from the server itself', async () => {
    const { skill } = countedSkill();
    await withService({ skill, verify: false, limits: { maxHeaderBytes: 4096 } }, async ({ port }) => {
      const tooLarge = await rawExchange(port, `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Jane: ${'d'.repeat(6000)}\r\n\r\n`);
      expect(tooLarge).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n[\s\S]*\r\n\r\nRequest Header Fields Too Large\n$/);
      const garbled = await rawExchange(port, `${PRIVATE}\r\n\r\n`);
      expect(garbled).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*\r\n\r\nBad Request\n$/);
      expect(garbled).not.toMatch(/Jane/);
    });
  });
});

/**
 * `npm run serve` in its own process, as a user starts it (no NODE_ENV): its stderr, line by line,
 * once it has written `lines` (a refusal is logged as its connection closes, after the answer), or
 * 5 s have passed, and then everything else it wrote before it was stopped.
 */
async function runServe(args: string[], lines: number, exchange: (url: string, port: number) => Promise<void>): Promise<string[]> {
  const storeDir = mkdtempSync(join(tmpdir(), 'lone-officer-serve-'));
  const env: NodeJS.ProcessEnv = { ...process.env, LOCAL_STORE_DIR: storeDir };
  for (const name of ['NODE_ENV', 'SKILL_ID', 'USER_TABLE_NAME', 'JEST_WORKER_ID']) delete env[name];
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'serve', '--', '--port', '0', ...args], { cwd: join(__dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  // Closed once every process of the group holding its pipes has gone.
  const closed = new Promise((resolve) => child.once('close', resolve));
  const written = (n: number) => stderr.split('\n').length - 1 >= n;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in 20 s:\n${stderr}`)), 20_000);
      const look = () => {
        const first = stderr.split('\n')[0] ?? '';
        if (!stderr.includes('\n')) return;
        clearTimeout(timer);
        child.stderr?.off('data', look);
        try {
          resolve((JSON.parse(first) as { url: string }).url);
        } catch {
          reject(new Error(`first stderr line is not JSON: ${first}`));
        }
      };
      child.stderr?.on('data', look);
    });
    await exchange(url, Number(new URL(url).port));
    let timer: NodeJS.Timeout | undefined;
    let look: (() => void) | undefined;
    await new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 5000);
      look = () => written(lines) && resolve();
      child.stderr?.on('data', look);
      look();
    });
    clearTimeout(timer);
    if (look) child.stderr?.off('data', look);
  } finally {
    // The whole process group this test started (npm, tsx, node), so that no server outlives it.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((resolve) => {
      timer = setTimeout(resolve, 5000);
    })]);
    clearTimeout(timer);
    rmSync(storeDir, { recursive: true, force: true });
  }
  return stderr.split('\n').filter((line) => line !== '');
}

function expectOneJsonLineEach(lines: readonly string[], requests: number): Record<string, unknown>[] {
  const parsed = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`not a JSON line on standard error: ${line}`);
    }
  });
  expect(parsed[0]).toMatchObject({ event: 'listening' });
  expect(parsed).toHaveLength(1 + requests);
  expect(lines.join('\n')).not.toMatch(/Jane|\/work\/|node_modules|\bat \S+:\d+/);
  return parsed;
}

describe('standard error: one JSON line per request, from `npm run serve`', () => {
  test('with verification on, hostile requests are each logged once, as status and reason', async () => {
    const lines = await runServe([], 1 + 9, async (url, port) => {
      const sent = [
        await post(url, launchBody()),
        await post(url, launchBody(10 * 60_000)),
        await post(url, PRIVATE),
        await post(url, JSON.stringify({ padding: PRIVATE.repeat(10_000) })),
        await post(url, launchBody(), { 'content-type': 'text/plain; charset=klingon' }),
        await post(`${url}jane`, launchBody()),
        (await fetch(url).then(async (r) => ({ status: r.status, text: await r.text(), contentType: r.headers.get('content-type') }))),
      ];
      expect(sent.map((a) => a.status)).toEqual([400, 400, 400, 413, 415, 404, 405]);
      for (const answer of sent) expectPlainRefusal(answer, answer.status, ['Jane']);
      const body = launchBody();
      const dotted = await post(url, body, signedHeaders(body, 'https://s3.amazonaws.com/echo.api/../attacker-bucket/cert.pem', FORGED.key));
      expectPlainRefusal(dotted, 400, ['attacker']);
      expect(await rawExchange(port, `${PRIVATE}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    });
    const parsed = expectOneJsonLineEach(lines, 9);
    expect(parsed.slice(1).map((line) => line.status)).toEqual([400, 400, 400, 413, 415, 404, 405, 400, 400]);
  }, 60_000);

  test('with --insecure-local, a malformed body is refused without coming back, and a launch is logged once', async () => {
    const lines = await runServe(['--insecure-local'], 1 + 2, async (url) => {
      const malformed = await post(url, PRIVATE);
      expectPlainRefusal(malformed, 400, ['Jane']);
      const launch = await post(url, launchBody());
      expect(launch.status).toBe(200);
    });
    const parsed = expectOneJsonLineEach(lines, 2);
    expect(parsed[2]).toMatchObject({ event: 'request', requestType: 'LaunchRequest' });
  }, 60_000);
});
