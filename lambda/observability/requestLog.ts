import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { TOPIC_IDS } from '../guidance';
import { logLine } from './log';
import { isRecord } from '../util/isRecord';

// process.hrtime is built in; the global `performance` loads node:perf_hooks on first use, about a
// millisecond of every cold start.
const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** The request log's event name; the fuzz harness and tests read lines by it. */
const REQUEST_EVENT = 'request';

const STARTED_AT = 'requestStartedAt';

// Request types and intent names come from Alexa, but a forged or broken request could put anything
// there: only a plain identifier is logged, so no user text can reach the log through them.
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;
const identifier = (x: unknown): string | null => (x === undefined || x === null ? null : typeof x === 'string' && IDENTIFIER.test(x) ? x : 'invalid');

// Alexa's documented values; anything else (a forged request) is logged as 'other', never as sent.
const END_REASONS = ['USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS'];
const ALEXA_ERRORS = ['INVALID_RESPONSE', 'DEVICE_COMMUNICATION_ERROR', 'INTERNAL_SERVICE_ERROR', 'ENDPOINT_TIMEOUT'];
const known = (x: unknown, values: readonly string[]): string | null =>
  (x === undefined || x === null ? null : typeof x === 'string' && values.includes(x) ? x : 'other');


/** Notes when the request arrived, for the latency in the log line. */
export const requestTimer: RequestInterceptor = {
  process: (input) => {
    input.attributesManager.getRequestAttributes()[STARTED_AT] = monotonicMs();
  },
};

function requestFields(input: HandlerInput): Record<string, unknown> {
  const request: unknown = isRecord(input.requestEnvelope) ? input.requestEnvelope.request : undefined;
  if (!isRecord(request)) return { requestType: 'invalid' };
  const fields: Record<string, unknown> = { requestType: identifier(request.type) };
  if (request.type === 'IntentRequest' || request.type === 'CanFulfillIntentRequest') {
    fields.intent = identifier(isRecord(request.intent) ? request.intent.name : undefined);
  }
  if (request.type === 'SessionEndedRequest') {
    fields.reason = known(request.reason, END_REASONS);
    // Only the error's type: Alexa's message could quote what was said.
    if (isRecord(request.error)) fields.alexaError = known(request.error.type, ALEXA_ERRORS);
  }
  return fields;
}

/** The topic respond() recorded for this answer (session attribute `conversation.topic`). */
function topicOf(input: HandlerInput): string | null {
  if (!isRecord(input.requestEnvelope) || !input.requestEnvelope.session) return null;
  const attributes: unknown = input.attributesManager.getSessionAttributes();
  const conversation = isRecord(attributes) ? attributes.conversation : undefined;
  return isRecord(conversation) ? known(conversation.topic, TOPIC_IDS) : null;
}

/**
 * Where an error was thrown, as file:line of the first stack frame. The message is not logged: some
 * messages quote their input (a JSON parse error, for one), which could be what a user said.
 */
function whereThrown(error: Error): string | null {
  const frame = /\(?((?:[^\s()]*[\\/])?([^\s()\\/]+:\d+:\d+))\)?/.exec(String(error.stack ?? '').split('\n')[1] ?? '');
  return frame?.[2] ?? null;
}

/**
 * One line per request: what kind of request, which intent, which topic was answered, how long it
 * took, and whether the session ended. `error` names the failure when the error handler answered.
 */
export function logRequest(input: HandlerInput, response: Response | undefined, error?: Error): void {
  try {
    const started = input.attributesManager.getRequestAttributes()[STARTED_AT];
    const latencyMs = typeof started === 'number' ? Math.round((monotonicMs() - started) * 10) / 10 : null;
    // A silent response answered no topic, whatever the session last talked about.
    let topic: string | null = null;
    try {
      topic = response?.outputSpeech ? topicOf(input) : null;
    } catch {
      topic = null;
    }
    logLine({
      event: REQUEST_EVENT,
      ...requestFields(input),
      topic,
      latencyMs,
      sessionEnded: response?.shouldEndSession !== false,
      ...(error ? { error: identifier(error.name) ?? 'Error', at: whereThrown(error) } : {}),
    });
  } catch {
    // The log line is a convenience; never let it cost the user the answer.
  }
}

export const requestLogger: ResponseInterceptor = {
  process: (input, response) => logRequest(input, response),
};
