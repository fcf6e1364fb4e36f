import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import https from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Skill } from 'ask-sdk-core';
import { buildSkill } from '../../lambda/skill';
import { createServer, type ServerOptions } from '../../server/httpServer';
import { buildEnvelope, newSession } from '../../simulator/envelope';

// Helpers for tests of `npm run serve` on 127.0.0.1. No test may reach the network: https.get and
// https.request are blocked and counted (blockNetwork), and certificates come from a fetcher the
// test gives the server (certificateSource), which counts its calls too.

const FIXTURES = join(__dirname, '..', 'fixtures', 'forged-signing');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The self-signed certificate that claims to be Alexa's, and its key. */
export const FORGED = { chain: read('cert.pem'), key: read('key.pem') };
/** A chain the server trusts when given TEST_ROOT as its only root; see the fixture README. */
export const TEST_CA = { root: read('test-ca/root.pem'), chain: read('test-ca/chain.pem'), key: read('test-ca/key.pem'), otherDomainChain: read('test-ca/other-domain-chain.pem') };

export const ALEXA_CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';

/** Blocks outbound HTTPS for the current test; returns the URLs that were attempted. */
export function blockNetwork(): string[] {
  const attempts: string[] = [];
  const refuse = (url: unknown) => {
    attempts.push(String(url));
    throw new Error('test tried to reach the network');
  };
  jest.spyOn(https, 'get').mockImplementation(refuse as unknown as typeof https.get);
  jest.spyOn(https, 'request').mockImplementation(refuse as unknown as typeof https.request);
  return attempts;
}

/** A certificate fetcher for the server under test: counts calls, answers what the test says. */
export function certificateSource(answer: (url: string) => Promise<string> | string = () => {
  throw new Error('no certificate may be fetched in this test');
}) {
  const fetched: string[] = [];
  return {
    fetched,
    fetch: async (url: string) => {
      fetched.push(url);
      return answer(url);
    },
  };
}

/** A skill whose invocations are counted: a refused request must never reach it. */
export function countedSkill(options: Parameters<typeof buildSkill>[0] = {}): { skill: Skill; invocations: () => number } {
  const skill = buildSkill(options);
  const spy = jest.spyOn(skill, 'invoke');
  return { skill, invocations: () => spy.mock.calls.length };
}

export interface Running {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
}

/** Serves on 127.0.0.1 (a free port), runs the test, and closes the server and every connection. */
export async function withService(options: ServerOptions, run: (service: Running) => Promise<void>): Promise<void> {
  const server = createServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await run({ url: `http://127.0.0.1:${port}/`, port, server });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A launch request as Alexa would send it, stamped `offsetMs` from `nowMs`. */
export function launchBody(offsetMs = 0, nowMs = Date.now()): string {
  const envelope = buildEnvelope({ type: 'LaunchRequest' }, newSession()) as unknown as { request: { timestamp: unknown } };
  envelope.request.timestamp = new Date(nowMs + offsetMs).toISOString();
  return JSON.stringify(envelope);
}

/** A launch request whose timestamp is whatever the test says (a string that is no date, say). */
export function launchBodyStamped(timestamp: unknown): string {
  const envelope = JSON.parse(launchBody()) as { request: { timestamp: unknown } };
  envelope.request.timestamp = timestamp;
  return JSON.stringify(envelope);
}

const sign = (body: string, key: string) => createSign('RSA-SHA256').update(body, 'utf8').sign(key, 'base64');

/** Headers of a request signed with `key`, naming the certificate at `certUrl`. */
export const signedHeaders = (body: string, certUrl: string, key: string) => ({ SignatureCertChainUrl: certUrl, 'Signature-256': sign(body, key) });

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string | null;
}

export async function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') };
}

/**
 * What a refusal must look like whatever was sent: the status, a short plain-text line, nothing of
 * the request (`sent` lists what the test sent that must not come back), no HTML, no stack trace,
 * no file path.
 */
export function expectPlainRefusal(answer: Answer, status: number, sent: readonly string[] = []): void {
  expect({ status: answer.status, contentType: answer.contentType }).toEqual({ status, contentType: 'text/plain; charset=utf-8' });
  expect(answer.text.length).toBeLessThan(100);
  expect(answer.text.trim().split('\n')).toHaveLength(1);
  expect(answer.text).not.toMatch(/<|\bat \S+:\d+|\/(?:work|home|tmp|usr|node_modules)\/|[A-Za-z]:\\/);
  for (const fragment of sent) expect(answer.text).not.toContain(fragment);
}

export interface ClientEnd {
  readonly received: string;
  /** False when the socket was still open after `holdMs` (the client then closed it). */
  readonly closedByServer: boolean;
}

/** Opens a connection, writes `first`, then `drip` every 50 ms, until the server closes it or `holdMs` pass. */
export function dripClient(port: number, first: string, drip: string | null, holdMs: number): Promise<ClientEnd> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closedByServer = true;
    const dripping = setInterval(() => {
      if (drip !== null && socket.writable) socket.write(drip);
    }, 50);
    const giveUp = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, holdMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(dripping);
      clearTimeout(giveUp);
      resolve({ received, closedByServer });
    });
    if (first) socket.write(first);
  });
}

/** Sends raw bytes on a new connection; resolves with all that came back once the server closes it. */
export async function rawExchange(port: number, bytes: string, timeoutMs = 3000): Promise<string> {
  const end = await dripClient(port, bytes, null, timeoutMs);
  if (!end.closedByServer) throw new Error(`connection still open after ${timeoutMs} ms`);
  return end.received;
}
