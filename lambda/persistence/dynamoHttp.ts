import type { Agent, IncomingMessage } from 'node:http';
import type { SourceData } from '@smithy/types';
import type { DynamoDbExports } from './dynamoDbExports';

/**
 * The DynamoDB client: the AWS SDK's own request signer (@smithy/signature-v4) and one HTTPS POST
 * of JSON per call, nothing else. The whole SDK client was measured at about twice the cold-start
 * cost of the skill itself (docs/store.md has the figures), for features the skill does not use:
 * the credential chain (Lambda puts credentials in the environment), retries (a retry past the
 * answer's deadline helps nobody), endpoint rules (one regional endpoint), and a document
 * marshaller (the store validates each field itself, so one odd value cannot fail a whole read).
 */

interface DynamoCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface DynamoClientConfig {
  /** Default: AWS_ENDPOINT_URL_DYNAMODB, then AWS_ENDPOINT_URL, then the region's own endpoint. */
  readonly endpoint?: string;
  /** Default: AWS_REGION, then AWS_DEFAULT_REGION. */
  readonly region?: string;
  /** Default: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as Lambda sets them. */
  readonly credentials?: DynamoCredentials;
}

/** An error DynamoDB answered with (its name is DynamoDB's error type), or one of the connection. */
export class DynamoError extends Error {
  // The message may quote the request, so logs take only the name (userData.ts).
  constructor(name: string, readonly status: number, detail = '') {
    super(`DynamoDB answered ${status} ${name}${detail ? `: ${detail}` : ''}`);
    this.name = name;
  }
}

/** How a connection kept open, and closed by the other end since, fails when it is used again. */
const STALE_CONNECTION = ['ECONNRESET', 'EPIPE'];

export type DynamoCall = (operation: string, input: Record<string, unknown>, signal: AbortSignal) => Promise<Record<string, unknown>>;

type Hash = import('node:crypto').Hash | import('node:crypto').Hmac;

const bytesOf = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** SHA-256 as the signer asks for it, on node:crypto. */
function sha256Class(crypto: typeof import('node:crypto')) {
  return class Sha256 {
    private readonly hash: Hash;
    constructor(secret?: SourceData) {
      this.hash = secret === undefined ? crypto.createHash('sha256') : crypto.createHmac('sha256', bytesOf(secret));
    }
    update(data: SourceData): void {
      this.hash.update(bytesOf(data));
    }
    digest(): Promise<Uint8Array> {
      return Promise.resolve(this.hash.digest());
    }
  };
}

function credentialsFrom(env: NodeJS.ProcessEnv): DynamoCredentials {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) throw new DynamoError('CredentialsMissing', 0);
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

const readBody = (response: IncomingMessage, signal: AbortSignal): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

const detailOf = (body: unknown): string => {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown; Message?: unknown }) : {};
  const text = message.message ?? message.Message;
  return typeof text === 'string' ? text.slice(0, 300) : '';
};

/** The error type of a DynamoDB error body ("com.amazonaws...#ConditionalCheckFailedException"). */
function errorName(body: unknown, status: number): string {
  const type = typeof body === 'object' && body !== null ? (body as { __type?: unknown }).__type : undefined;
  return typeof type === 'string' && type ? (type.split('#').pop() as string) : `Http${status}`;
}

/**
 * A DynamoDB caller for this configuration. The signer and node's http modules are loaded on the
 * first call, so a cold start that never touches the store does not pay for them.
 */
export function dynamoCaller(config: DynamoClientConfig = {}, env: NodeJS.ProcessEnv = process.env): DynamoCall {
  const region = config.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'eu-west-2';
  const url = new URL(config.endpoint ?? env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL ?? `https://dynamodb.${region}.amazonaws.com`);
  let ready: Promise<{ sign: (request: object) => Promise<{ headers: Record<string, string> }>; agent: Agent; http: typeof import('node:http') }> | undefined;

  const prepare = () => {
    ready ??= (async () => {
      const { SignatureV4 } = (await import('@smithy/signature-v4')) as DynamoDbExports;
      const crypto = require('node:crypto') as typeof import('node:crypto');
      const http = (url.protocol === 'http:' ? require('node:http') : require('node:https')) as typeof import('node:http');
      const signer = new SignatureV4({ service: 'dynamodb', region, sha256: sha256Class(crypto), credentials: () => Promise.resolve(config.credentials ?? credentialsFrom(env)) });
      // One connection kept open between requests of a warm function, as the SDK does.
      return { sign: (request: object) => signer.sign(request as Parameters<typeof signer.sign>[0]) as Promise<{ headers: Record<string, string> }>, agent: new http.Agent({ keepAlive: true }), http };
    })();
    ready.catch(() => { ready = undefined; });
    return ready;
  };

  return async (operation, input, signal) => {
    const { sign, agent, http } = await prepare();
    const body = JSON.stringify(input);
    const path = url.pathname || '/';
    const signed = await sign({
      method: 'POST', protocol: url.protocol, hostname: url.hostname, path,
      ...(url.port ? { port: Number(url.port) } : {}),
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` },
      body,
    });
    const post = () => new Promise<IncomingMessage>((resolve, reject) => {
      signal.throwIfAborted();
      const request = http.request({ method: 'POST', hostname: url.hostname, port: url.port || undefined, path, headers: signed.headers, agent, signal }, resolve);
      request.on('error', reject);
      request.end(body);
    });
    // A kept connection may have been closed while Lambda was frozen between requests: that one
    // failure is tried once more on a new connection, within the same deadline. Every write is
    // safe to send twice (a field's change time, a set added to, a generation counted up).
    const response = await post().catch((error: unknown) => {
      if (signal.aborted || !STALE_CONNECTION.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      return post();
    });
    const text = await readBody(response, signal);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new DynamoError('UnreadableResponse', response.statusCode ?? 0);
    }
    const status = response.statusCode ?? 0;
    if (status !== 200) throw new DynamoError(errorName(parsed, status), status, detailOf(parsed));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new DynamoError('UnreadableResponse', status);
    return parsed as Record<string, unknown>;
  };
}
