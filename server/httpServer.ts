import { createServer as createHttpServer, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { logLine } from '../lambda/observability/log';
import { createApp, type AppOptions } from './app';
import { refusalText } from './refusal';

/**
 * What one client may hold of the server. Alexa sends each request whole within milliseconds, so
 * a client that sends its headers or body slowly (slow loris) is cut off long before Alexa's own
 * 8-second wait would matter.
 */
interface ServerLimits {
  readonly maxConnections: number;
  /** From connection to the end of the headers. */
  readonly headersTimeoutMs: number;
  /** From connection to the end of the body. */
  readonly requestTimeoutMs: number;
  /** An idle kept-alive connection. */
  readonly keepAliveTimeoutMs: number;
  /** A connection on which nothing at all moves. */
  readonly idleTimeoutMs: number;
  readonly maxHeaderBytes: number;
  /** How often Node looks for connections past their header or request time. */
  readonly timeoutCheckIntervalMs: number;
}

const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxConnections: 64,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 15_000,
  maxHeaderBytes: 8 * 1024,
  timeoutCheckIntervalMs: 1_000,
};

export interface ServerOptions extends AppOptions {
  readonly limits?: Partial<ServerLimits>;
}

function statusOf(error: NodeJS.ErrnoException): number {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * The web service's HTTP server: the app behind Node's limits on connections, header and body
 * time and header size. A request Node itself refuses (a malformed request line, headers too
 * large, too slow) gets the same short plain answer and one log line as the app's refusals.
 */
export function createServer(options: ServerOptions): Server {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const server = createHttpServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxHeaderSize: limits.maxHeaderBytes,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  }, createApp(options));
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());

  // The response under way on each connection, so a timeout mid-body answers through it.
  const responses = new WeakMap<Socket, ServerResponse>();
  server.on('request', (req, res) => {
    responses.set(req.socket, res);
    res.once('close', () => responses.delete(req.socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const status = statusOf(error);
    const response = responses.get(socket);
    if (response) {
      // The app logs this request when its response closes.
      if (response.headersSent) socket.destroy();
      else {
        const body = refusalText(status);
        response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
        response.end(body, () => socket.destroy());
      }
      return;
    }
    logLine({ event: 'http_refused', status, reason: STATUS_CODES[status] });
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = refusalText(status);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: text/plain; charset=utf-8\r\n`
      + `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`, () => socket.destroy());
  });
  return server;
}
