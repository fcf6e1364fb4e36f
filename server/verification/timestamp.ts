import { Refusal } from '../refusal';

/** Alexa's rule: a request's timestamp is within 150 seconds of now, either way. */
const TIMESTAMP_TOLERANCE_MS = 150_000;

/** The ISO 8601 form Alexa writes; `Date.parse` alone would take "1" or "June 5" as dates. */
const ISO_8601_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Refuses a request whose timestamp is missing, not a date, or more than 150 seconds from now in
 * the past or the future (a replay, or a request prepared ahead to be replayed later). The skill
 * subscribes to no skill events, so their hour-long allowance does not apply.
 */
export function checkTimestamp(timestamp: unknown, nowMs: number): void {
  const at = typeof timestamp === 'string' && ISO_8601_INSTANT.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (!Number.isFinite(at)) throw new Refusal(400, 'Timestamp verification failed: not a date');
  if (Math.abs(nowMs - at) > TIMESTAMP_TOLERANCE_MS) {
    throw new Refusal(400, 'Timestamp verification failed: more than 150 seconds from now');
  }
}
