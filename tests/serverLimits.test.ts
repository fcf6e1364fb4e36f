import { countedSkill, dripClient, launchBody, post, withService } from './support/webService';

// Issue 13 item 11: limits on connections and on header and body time, so slow clients (slow loris)
// are cut off. Small limits for the test; a bounded number of sockets on 127.0.0.1; every wait bounded.

const LIMITS = {
  maxConnections: 5,
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  keepAliveTimeoutMs: 300,
  idleTimeoutMs: 2000,
  timeoutCheckIntervalMs: 50,
};
/** Far above every limit, far below Node's defaults (60 s for headers): a held socket fails the test. */
const HELD_TOO_LONG_MS = 4000;

/** Opens a socket, writes `first`, then `drip` every 50 ms until the server closes it. */
const slowClient = (port: number, first: string, drip: string | null) => dripClient(port, first, drip, HELD_TOO_LONG_MS);

const REQUEST_LINE = 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n';

describe('slow clients are cut off', () => {
  test('20 connections dripping their headers: those past the limit are refused, the rest cut off at the header deadline', async () => {
    const { skill, invocations } = countedSkill();
    await withService({ skill, verify: false, limits: LIMITS }, async ({ port }) => {
      const sockets = await Promise.all(Array.from({ length: 20 }, () => slowClient(port, REQUEST_LINE, 'X-Slow: y\r\n')));
      expect(sockets.filter((s) => !s.closedByServer)).toHaveLength(0);
      // Those that got in were told why they were cut off.
      const timedOut = sockets.filter((s) => s.received !== '');
      expect(timedOut.length).toBeGreaterThan(0);
      expect(timedOut.length).toBeLessThanOrEqual(LIMITS.maxConnections);
      for (const s of timedOut) expect(s.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n[\s\S]*\r\n\r\nRequest Timeout\n$/);
    });
    expect(invocations()).toBe(0);
  });

  test('a connection that never sends a byte is closed at the header deadline', async () => {
    const { skill } = countedSkill();
    await withService({ skill, verify: false, limits: LIMITS }, async ({ port }) => {
      const silent = await slowClient(port, '', null);
      expect(silent.closedByServer).toBe(true);
    });
  });

  test('a body dripped in after whole headers is cut off at the request deadline, with a plain 408', async () => {
    const { skill, invocations } = countedSkill();
    await withService({ skill, verify: false, limits: LIMITS }, async ({ port }) => {
      const headers = `${REQUEST_LINE}Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{`;
      const sockets = await Promise.all(Array.from({ length: 4 }, () => slowClient(port, headers, ' ')));
      for (const s of sockets) {
        expect(s.closedByServer).toBe(true);
        expect(s.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n[\s\S]*\r\n\r\nRequest Timeout\n$/);
      }
    });
    expect(invocations()).toBe(0);
  });

  test('an idle kept-alive connection is closed after its keep-alive time', async () => {
    const { skill } = countedSkill();
    await withService({ skill, verify: false, limits: LIMITS }, async ({ port }) => {
      const body = launchBody();
      const request = `${REQUEST_LINE}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      const kept = await slowClient(port, request, null);
      expect(kept.closedByServer).toBe(true);
      expect(kept.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    });
  });

  test('slow clients holding every connection are cut off, and then the service answers', async () => {
    const { skill, invocations } = countedSkill();
    await withService({ skill, verify: false, limits: LIMITS }, async ({ port, url }) => {
      const slow = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => slowClient(port, REQUEST_LINE, 'X-Slow: y\r\n')));
      expect(slow.map((s) => s.closedByServer)).toEqual(Array(LIMITS.maxConnections).fill(true));
      const answer = await post(url, launchBody());
      expect(answer.status).toBe(200);
    });
    expect(invocations()).toBe(1);
  });
});
