import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Verifier } from 'ask-sdk-express-adapter';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { logLine } from '../lambda/observability/log';
import { isRecord } from '../lambda/util/isRecord';
import { readBody } from './readBody';
import { Refusal, refusalText } from './refusal';
import { alexaSignatureVerifier } from './verification/alexaSignature';
import type { SigningCertificateOptions } from './verification/signingCertificates';
import { checkTimestamp } from './verification/timestamp';

/** Alexa's requests are a few kilobytes; this leaves room and bounds what an attacker can send. */
const DEFAULT_MAX_BODY_BYTES = 128 * 1024;

export interface AppOptions {
  readonly skill: Skill;
  /**
   * Check that each request was sent within 150 seconds of now and signed by Alexa. Off only for
   * local use (`npm run serve -- --insecure-local`), where no one else can reach the server.
   */
  readonly verify: boolean;
  /** Signature checks to run instead of Alexa's certificate check (tests); the timestamp is checked first whatever they are. */
  readonly verifiers?: readonly Verifier[];
  /** How Alexa's certificates are fetched, trusted and cached (tests inject the fetcher and roots). */
  readonly certificates?: Partial<SigningCertificateOptions>;
  readonly maxBodyBytes?: number;
  readonly now?: () => number;
}

/** Alexa's checks in order: the certificate URL is checked before its certificate is fetched. */
function alexaVerifiers(certificates: Partial<SigningCertificateOptions> = {}): Verifier[] {
  return [alexaSignatureVerifier(certificates)];
}

const JSON_MEDIA_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A refusal from anything but our own code carries no reason: its message may quote the request. */
function asRefusal(error: unknown): Refusal {
  if (error instanceof Refusal) return error;
  const status = isRecord(error) && typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  return new Refusal(status);
}

function refuse(res: Response, refusal: Refusal): void {
  if (res.headersSent) return;
  res.status(refusal.status).set({
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  // An unread or oversized body is not worth draining: close the connection after the answer.
  if (refusal.status === 413 || refusal.status >= 500 || !res.req.complete) res.set('connection', 'close');
  res.locals.refusal = refusal;
  res.send(refusalText(refusal.status, refusal.reason));
}

/** The body as Alexa signs it (exact UTF-8) and as the skill reads it (a JSON request envelope). */
function readEnvelope(raw: Buffer): { text: string; envelope: RequestEnvelope } {
  let text: string;
  let parsed: unknown;
  try {
    text = utf8.decode(raw);
    parsed = JSON.parse(text);
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
  if (!isRecord(parsed) || !isRecord(parsed.request)) throw new Refusal(400, 'body is not an Alexa request');
  return { text, envelope: parsed as unknown as RequestEnvelope };
}

/** One JSON line per refused request, when its answer is sent or its connection ends. */
function logRefusals(req: Request, res: Response, next: NextFunction): void {
  res.once('close', () => {
    // A request the skill answered has the skill's own log line; this one would be a second.
    if (res.writableFinished && res.statusCode < 400) return;
    const refusal = res.locals.refusal as Refusal | undefined;
    logLine({
      event: res.writableFinished ? 'http_refused' : 'http_aborted',
      status: res.statusCode,
      ...(refusal?.reason ? { reason: refusal.reason } : {}),
    });
  });
  next();
}

/**
 * The skill as a web service: POST / takes Alexa's request envelope (application/json, UTF-8) and
 * answers with the response envelope. Every refusal is a short plain-text status that quotes
 * nothing of the request: 400 for a failed check or a malformed body, 404, 405, 413, 415, and 500
 * when the skill does not answer (with SKILL_ID set, a request for another skill).
 */
export function createApp(options: AppOptions): Express {
  const now = options.now ?? Date.now;
  const verifiers = options.verify ? options.verifiers ?? alexaVerifiers({ now, ...options.certificates }) : [];
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(logRefusals);
  app.post(
    '/',
    (req, res, next) => {
      if (!JSON_MEDIA_TYPE.test(req.headers['content-type'] ?? '')) refuse(res, new Refusal(415, 'send application/json'));
      else next();
    },
    async (req, res) => {
      try {
        const { text, envelope } = readEnvelope(await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
        if (options.verify) {
          checkTimestamp(envelope.request.timestamp, now());
          // One after the other: a cheap refusal must come before any certificate is fetched.
          for (const verifier of verifiers) await verifier.verify(text, req.headers);
        }
        let answer: unknown;
        try {
          answer = await options.skill.invoke(envelope);
        } catch {
          throw new Refusal(500);
        }
        res.json(answer);
      } catch (error) {
        // A failed check by a verifier not of ours is still a failed check: 400, with no reason.
        refuse(res, error instanceof Refusal ? error : new Refusal(400, 'Request verification failed'));
      }
    },
  );
  app.all('/', (_req, res) => {
    res.set('allow', 'POST');
    refuse(res, new Refusal(405));
  });
  app.use((_req, res) => refuse(res, new Refusal(404)));
  // Anything that escaped the handlers above.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => refuse(res, asRefusal(error)));
  return app;
}
