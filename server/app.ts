import type { Skill } from 'ask-sdk-core';
import { ExpressAdapter, SkillRequestSignatureVerifier, TimestampVerifier, type Verifier } from 'ask-sdk-express-adapter';
import express, { type Express } from 'express';
import { logLine } from '../lambda/observability/log';

export interface AppOptions {
  readonly skill: Skill;
  /**
   * Check that each request was signed by Alexa and sent within the last 150 seconds. Off only for
   * local use (`npm run serve -- --insecure-local`), where no one else can reach the server.
   */
  readonly verify: boolean;
  /** The checks to run instead of Alexa's own (tests use it to avoid reaching the network). */
  readonly verifiers?: readonly Verifier[];
}

/**
 * Alexa's checks: a fresh timestamp, then a signature from Amazon's certificate over the body. One
 * after the other (the adapter would run them side by side), so that a stale or unsigned request
 * is refused before any certificate is fetched.
 */
function alexaVerifiers(): Verifier[] {
  const timestamp = new TimestampVerifier();
  const signature = new SkillRequestSignatureVerifier();
  return [{
    verify: async (body, headers) => {
      await timestamp.verify(body);
      await signature.verify(body, headers ?? {});
    },
  }];
}

/**
 * The skill as a web service: POST / takes Alexa's request envelope and answers with the response
 * envelope, through ask-sdk-express-adapter. A request that fails a check gets 400 and never reaches
 * the skill; a request for another skill id (SKILL_ID) gets 500, as the Lambda handler rejects it.
 */
export function createApp(options: AppOptions): Express {
  const adapter = options.verify
    ? new ExpressAdapter(options.skill, false, false, [...(options.verifiers ?? alexaVerifiers())])
    : new ExpressAdapter(options.skill, false, false, []);
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    // Refusals are logged by status only: the request was not trusted, so nothing of it is kept.
    res.on('finish', () => {
      if (res.statusCode >= 400) logLine({ event: 'http_refused', status: res.statusCode });
    });
    next();
  });
  app.post('/', ...adapter.getRequestHandlers());
  return app;
}
