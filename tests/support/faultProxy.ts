import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does with one request: pass it on; hang (never answer); reset (drop the
 * connection, as a kept connection closed while Lambda was frozen fails); throttle (DynamoDB's
 * 400 ThrottlingException, or ProvisionedThroughputExceeded); fail (500); garble (200 with a body
 * that is not JSON); answer `{}` (an empty read); or hold it and pass it on only once `heldUntil`
 * settles (a request in flight that lands late, answered if the client still waits).
 */
export type Fault = 'pass' | 'hang' | 'reset' | 'throttle' | 'exceeded' | 'fail' | 'garble' | 'empty' | { heldUntil: Promise<unknown> };

/** The DynamoDB operation a request asks for (GetItem, UpdateItem...). */
const operationOf = (req: IncomingMessage) => String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';

/**
 * A faulting HTTP proxy on 127.0.0.1 in front of dynalite. `fault` decides per request, by
 * operation; `seen` counts the operations that reached the proxy.
 */
export class FaultProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Held requests, each settling once it has reached the store (or failed to). */
  private readonly held = new Set<Promise<void>>();
  fault: (operation: string) => Fault = () => 'pass';
  readonly seen: string[] = [];
  endpoint = '';

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Resolves once every held request has reached the store; rejects after `ms`. */
  async drained(ms = 3000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('held requests still held')), ms); });
    try {
      await Promise.race([Promise.all(this.held), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation = operationOf(req);
      this.seen.push(operation);
      const fault = this.fault(operation);
      const body = Buffer.concat(chunks);
      const error = (status: number, type: string) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: 'fault' }));
      };
      if (fault === 'hang') return;
      if (fault === 'reset') return req.socket.destroy();
      if (fault === 'throttle') return error(400, 'ThrottlingException');
      if (fault === 'exceeded') return error(400, 'ProvisionedThroughputExceededException');
      if (fault === 'fail') return error(500, 'InternalServerError');
      if (fault === 'garble') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end('{"Item": {"id": {"S": "\u0000\u00ff');
        return;
      }
      if (fault === 'empty') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end('{}');
        return;
      }
      if (fault === 'pass') return this.forward(req, body, res);
      const released = fault.heldUntil.catch(() => undefined);
      const landed = released.then(() => new Promise<void>((resolve) => this.forward(req, body, res, resolve)));
      this.held.add(landed);
      void landed.finally(() => this.held.delete(landed));
    });
  }

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse, landed?: () => void): void {
    const url = new URL(this.target);
    const out = request({ hostname: url.hostname, port: url.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        landed?.();
        if (res.destroyed || res.writableEnded) return;
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    out.on('error', () => {
      landed?.();
      res.destroy();
    });
    out.end(body);
  }
}
