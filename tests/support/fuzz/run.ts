import fs from 'node:fs';
import fc from 'fast-check';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { TOPIC_IDS } from '../../../lambda/guidance/types';
import { OWNED_SESSION_ATTRIBUTES } from '../../../lambda/handlers/support/session';
import { readState } from '../../../lambda/handlers/support/state';
import { isRecord } from '../../../lambda/util/isRecord';
import enGB from '../../../lambda/locales/en-GB.json';
import { ssmlToText } from '../../../simulator/speechText';
import { problemsWith } from '../wellFormed';
import { conversationPlans, localePairs, malformedCases, otherSkillCases, turnCase, wellFormedCases, type CarriedSession, type FuzzCase } from './envelopes';
import { CANARY } from './hostile';

/** Anything exporting the Lambda entry: the TypeScript source or the bundle. */
// The context is left out: the harness never passes a Lambda context the skill could depend on.
export type Handler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

export interface FuzzOptions {
  readonly handler: Handler;
  /** About how many envelopes to send in all. */
  readonly envelopes: number;
  readonly seed?: number;
  /** The skill id the envelopes carry: the handler's SKILL_ID, if it has one. */
  readonly skillId: string;
  /**
   * The handler was loaded with SKILL_ID set: requests for another skill, or with no skill id,
   * must be refused (the promise rejects), and are also sent to check that.
   */
  readonly verifiesSkillId?: boolean;
}

export interface FuzzReport {
  envelopes: number;
  /** Requests refused for another skill id (only when the handler checks SKILL_ID). */
  refused: number;
  wellFormed: number;
  malformed: number;
  /** Answers the error handler gave (its log line names an error): must be none for well-formed requests. */
  errorHandlerCalls: { wellFormed: number; malformed: number };
  byRequestType: Record<string, number>;
  /** IntentRequests sent per intent name (plain names only; hostile names are not counted). */
  byIntent: Record<string, number>;
  failures: string[];
  seed: number;
  ms: number;
}

const ssmlOf = (speech: unknown) => (isRecord(speech) && typeof speech.ssml === 'string' ? speech.ssml : '');

/** JSON with object keys sorted, to compare values whatever order their keys were written in. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (isRecord(x)) return `{${Object.keys(x).filter((k) => x[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(x[k])}`).join(',')}}`;
  return JSON.stringify(x) ?? 'undefined';
}

/** Runs one call with standard error captured, so the skill's log lines can be checked. */
async function call(handler: Handler, envelope: RequestEnvelope): Promise<{ result: ResponseEnvelope | undefined; rejected: unknown; logLines: string[] }> {
  const written: string[] = [];
  const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  // The skill writes its log lines straight to file descriptor 2 (the stream only when that fails).
  const originalWriteSync = fs.writeSync;
  const originalWrite = process.stderr.write;
  fs.writeSync = ((fd: number, chunk: unknown, ...rest: unknown[]) => {
    if (fd !== 2) return (originalWriteSync as (...args: unknown[]) => number)(fd, chunk, ...rest);
    written.push(text(chunk));
    return Buffer.byteLength(text(chunk));
  }) as typeof fs.writeSync;
  process.stderr.write = ((chunk: unknown) => {
    written.push(text(chunk));
    return true;
  }) as typeof process.stderr.write;
  const lines = () => written.join('').split('\n').filter((l) => l.length > 0);
  try {
    return { result: await handler(envelope), rejected: undefined, logLines: lines() };
  } catch (error) {
    return { result: undefined, rejected: error ?? 'rejected', logLines: lines() };
  } finally {
    fs.writeSync = originalWriteSync;
    process.stderr.write = originalWrite;
  }
}

/** Values from the envelope that must never be logged: who the user is and which session. */
const MIN_SECRET_LENGTH = 8;

function secretsOf(envelope: unknown): string[] {
  if (!isRecord(envelope)) return [CANARY];
  const session = isRecord(envelope.session) ? envelope.session : {};
  const system = isRecord(envelope.context) && isRecord(envelope.context.System) ? envelope.context.System : {};
  const user = isRecord(system.user) ? system.user : {};
  const device = isRecord(system.device) ? system.device : {};
  // Ids of a few characters (a generated sessionId of '"', say) would be found in any JSON line by
  // chance; real ids are long. The canary, planted in every generated text, catches the rest.
  return [CANARY, session.sessionId, user.userId, device.deviceId, system.apiAccessToken]
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
}

/** The skill id an envelope's context carries, where the SDK reads it. */
function skillIdOf(envelope: unknown): unknown {
  const context = isRecord(envelope) ? envelope.context : undefined;
  const system = isRecord(context) ? context.System : undefined;
  const application = isRecord(system) ? system.application : undefined;
  return isRecord(application) ? application.applicationId : undefined;
}

/** Everything wrong with one answer to one generated request. */
async function examine(fuzzCase: FuzzCase, outcome: Awaited<ReturnType<typeof call>>, report: FuzzReport, options: FuzzOptions): Promise<string[]> {
  const problems: string[] = [];
  const { result, rejected, logLines } = outcome;
  const refusable = options.verifiesSkillId === true && skillIdOf(fuzzCase.envelope) !== options.skillId;
  if (refusable) {
    // The one request not answered: with SKILL_ID set, anything not carrying it is refused.
    if (rejected === undefined) return ['a request without this skill\'s id was answered, though SKILL_ID is set'];
    report.refused += 1;
    return logLines.length ? ['a refused request was logged as answered'] : [];
  }
  if (rejected !== undefined) {
    return [`the handler rejected: ${rejected instanceof Error ? `${rejected.name}: ${rejected.message}` : String(rejected)}`];
  }
  if (!isRecord(result) || !isRecord(result.response)) return [`not a response envelope: ${JSON.stringify(result)?.slice(0, 200)}`];
  const response = result.response;
  problems.push(...await problemsWith(result));
  const serialised = JSON.stringify(result);
  if (serialised.includes(CANARY)) problems.push('the answer carries on something it was sent (user text or a broken session)');
  const speech = ssmlOf(response.outputSpeech);
  if (/returned an object|\b[a-z]+(?:\.[a-zA-Z_]+){1,}\b/.test(ssmlToText(speech))) problems.push(`speech reads out a locale key: ${ssmlToText(speech).slice(0, 120)}`);

  // Screens only for devices that have one: an APL directive to a speaker is an error on Alexa's side.
  const interfaces = (fuzzCase.envelope as unknown as { context?: { System?: { device?: { supportedInterfaces?: Record<string, unknown> } } } } | null)
    ?.context?.System?.device?.supportedInterfaces ?? {};
  const directives = Array.isArray(response.directives) ? response.directives : [];
  if (directives.some((d) => isRecord(d) && String(d.type).startsWith('Alexa.Presentation.APL.')) && !isRecord(interfaces['Alexa.Presentation.APL'])) {
    problems.push('an APL directive for a device without a screen');
  }

  switch (fuzzCase.expect) {
    case 'silence':
      if (response.outputSpeech || response.reprompt || response.card) problems.push('speaks (or shows a card) where nothing may be said');
      break;
    case 'canFulfill': {
      const verdict = isRecord(response.canFulfillIntent) ? response.canFulfillIntent.canFulfill : undefined;
      if (!['YES', 'NO', 'MAYBE'].includes(String(verdict))) problems.push('a CanFulfillIntentRequest without a canFulfillIntent answer');
      if (response.outputSpeech) problems.push('speaks in answer to a CanFulfillIntentRequest');
      break;
    }
    case 'answer':
      if (fuzzCase.wellFormed && !speech) problems.push('says nothing in a session where the user is waiting');
      break;
  }

  if (result.sessionAttributes !== undefined) {
    const attributes = result.sessionAttributes;
    if (!isRecord(attributes)) problems.push('session attributes that are not an object');
    else {
      const foreign = Object.keys(attributes).filter((k) => !OWNED_SESSION_ATTRIBUTES.includes(k));
      if (foreign.length) problems.push(`session attributes the skill does not own are carried on: ${foreign.join(', ').slice(0, 100)}`);
      if (attributes.conversation !== undefined) {
        const clean = { ...readState(attributes), rehearsal: undefined };
        if (canonical(clean) !== canonical({ ...(attributes.conversation as object), rehearsal: undefined })) {
          problems.push(`the conversation attribute written back is not clean: ${JSON.stringify(attributes.conversation).slice(0, 200)}`);
        }
      }
    }
  }

  const requestLines: Record<string, unknown>[] = [];
  for (const line of logLines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      problems.push(`a log line that is not JSON: ${line.slice(0, 100)}`);
      continue;
    }
    if (!isRecord(parsed)) {
      problems.push('a log line that is not a JSON object');
      continue;
    }
    if (parsed.event === 'request') requestLines.push(parsed);
    // Request types and intent names are names, not anything a user said: logged when they are
    // plain identifiers (a generated one may hold the canary), and checked for that shape instead.
    const names = ['requestType', 'intent'].map((field) => parsed[field]);
    if (names.some((name) => name !== undefined && name !== null && !(typeof name === 'string' && /^[A-Za-z][A-Za-z0-9._-]{0,99}$/.test(name)))) {
      problems.push('a log line names a request type or intent that is not a plain identifier');
    }
    const scanned = JSON.stringify({ ...parsed, requestType: undefined, intent: undefined });
    const leaked = secretsOf(fuzzCase.envelope).filter((secret) => scanned.includes(secret));
    if (leaked.length) problems.push('a log line carries a user id, a session id or something the user said');
  }
  if (requestLines.length !== 1) problems.push(`${requestLines.length} request log lines instead of one`);
  const logged = requestLines[0];
  if (logged) {
    if (typeof logged.latencyMs !== 'number' && logged.latencyMs !== null) problems.push('request log line without a latency');
    if (typeof logged.sessionEnded !== 'boolean') problems.push('request log line without sessionEnded');
    if (!('requestType' in logged)) problems.push('request log line without requestType');
    if (logged.topic !== null && !(TOPIC_IDS as readonly unknown[]).includes(logged.topic)) problems.push(`request log line with topic ${JSON.stringify(logged.topic)}`);
    if (logged.error !== undefined) {
      if (fuzzCase.wellFormed) {
        report.errorHandlerCalls.wellFormed += 1;
        problems.push(`a well-formed request reached the error handler (${String(logged.error)} at ${String(logged.at)})`);
      } else {
        report.errorHandlerCalls.malformed += 1;
      }
    }
  }
  return problems;
}

/** The envelope for a failure report; some are nested too deeply to print whole. */
function describe(envelope: unknown): string {
  try {
    return (JSON.stringify(envelope) ?? String(envelope)).slice(0, 1500);
  } catch {
    return '(too deeply nested to print)';
  }
}

function record(report: FuzzReport, fuzzCase: FuzzCase, problems: string[]): boolean {
  report.envelopes += 1;
  if (fuzzCase.wellFormed) report.wellFormed += 1;
  else report.malformed += 1;
  report.byRequestType[fuzzCase.label] = (report.byRequestType[fuzzCase.label] ?? 0) + 1;
  const request = isRecord(fuzzCase.envelope) ? fuzzCase.envelope.request : undefined;
  const name = isRecord(request) && request.type === 'IntentRequest' && isRecord(request.intent) ? request.intent.name : undefined;
  if (typeof name === 'string' && /^[A-Za-z][A-Za-z0-9._]{0,80}$/.test(name)) report.byIntent[name] = (report.byIntent[name] ?? 0) + 1;
  if (problems.length && report.failures.length < 20) {
    report.failures.push(`${fuzzCase.label} (${fuzzCase.attributes} session attributes): ${problems.join('; ')}\n  envelope: ${describe(fuzzCase.envelope)}`);
  }
  return problems.length === 0;
}

const UNSUPPORTED_NOTE = enGB.translation.unsupportedLocale;

/**
 * Sends generated envelopes through a handler and checks every answer: a valid response (SSML,
 * limits, no dead end), no rejection, nothing carried on from what was sent or from a broken
 * session, one clean log line per request, and no well-formed request answered by the error
 * handler. Stops a property at its first failure (fast-check shrinks it to a small example).
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const report: FuzzReport = {
    envelopes: 0, refused: 0, wellFormed: 0, malformed: 0, errorHandlerCalls: { wellFormed: 0, malformed: 0 },
    byRequestType: Object.create(null) as Record<string, number>, byIntent: Object.create(null) as Record<string, number>, failures: [], seed, ms: 0,
  };
  const started = Date.now();
  const envelopeOptions = { skillId: options.skillId };
  const budget = options.envelopes;
  const settings = (share: number, perRun: number) => ({ seed, numRuns: Math.max(1, Math.round((budget * share) / perRun)), endOnFailure: true });
  const check = async <T>(name: string, property: fc.IAsyncPropertyWithHooks<[T]>, runs: ReturnType<typeof settings>) => {
    const details = await fc.check(property, runs);
    if (!details.failed) return;
    let message: string;
    try {
      message = fc.defaultReportMessage(details) ?? 'failed';
    } catch {
      message = `failed with seed ${String(details.seed)} at path ${String(details.counterexamplePath)}`;
    }
    report.failures.push(`${name}: ${message}`.slice(0, 4000));
  };

  const single = async (fuzzCase: FuzzCase) => record(report, fuzzCase, await examine(fuzzCase, await call(options.handler, fuzzCase.envelope), report, options));

  await check('single requests', fc.asyncProperty(wellFormedCases(envelopeOptions), single), settings(0.6, 1));
  if (options.verifiesSkillId) {
    await check('requests for another skill are refused', fc.asyncProperty(otherSkillCases(envelopeOptions), single), settings(0.05, 1));
  }
  await check('malformed envelopes', fc.asyncProperty(malformedCases(envelopeOptions), single), settings(0.1, 1));

  await check('conversations', fc.asyncProperty(conversationPlans(envelopeOptions), async (plans) => {
    let carried: CarriedSession = { sessionId: `amzn1.echo-api.session.fuzz-${report.envelopes}`, isNew: true, attributes: {} };
    for (const plan of plans) {
      const fuzzCase = turnCase(plan, carried, envelopeOptions);
      const outcome = await call(options.handler, fuzzCase.envelope);
      if (!record(report, fuzzCase, await examine(fuzzCase, outcome, report, options))) return false;
      const ended = outcome.result?.response.shouldEndSession !== false;
      carried = ended
        ? { sessionId: `amzn1.echo-api.session.fuzz-${report.envelopes}`, isNew: true, attributes: {} }
        : { sessionId: carried.sessionId, isNew: false, attributes: outcome.result?.sessionAttributes ?? {} };
    }
    return true;
  }), settings(0.25, 4));

  await check('unsupported locales answered in British English', fc.asyncProperty(localePairs(envelopeOptions), async ({ home, away }) => {
    const answers = [];
    for (const envelope of [home, away]) {
      const fuzzCase: FuzzCase = { envelope, wellFormed: true, expect: 'answer', attributes: 'valid', label: 'locale pair' };
      const outcome = await call(options.handler, envelope);
      if (!record(report, fuzzCase, await examine(fuzzCase, outcome, report, options))) return false;
      answers.push(outcome.result?.response);
    }
    const [inEnglish, elsewhere] = answers.map((r) => canonical({ speech: r?.outputSpeech, reprompt: r?.reprompt, card: r?.card, end: r?.shouldEndSession }));
    if (inEnglish !== elsewhere) {
      report.failures.push(`an unsupported locale got a different answer from en-GB\n  ${inEnglish}\n  ${elsewhere}`);
      return false;
    }
    return true;
  }), settings(0.05, 2));

  await check('launch in an unsupported locale says so', fc.asyncProperty(fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP', 'xx'), async (locale) => {
    const envelope = JSON.parse(JSON.stringify({
      version: '1.0',
      session: { new: true, sessionId: 'amzn1.echo-api.session.locale', application: { applicationId: options.skillId }, user: { userId: 'amzn1.ask.account.locale' } },
      context: { System: { application: { applicationId: options.skillId }, user: { userId: 'amzn1.ask.account.locale' }, device: { deviceId: 'amzn1.ask.device.locale', supportedInterfaces: {} } } },
      request: { type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.locale', timestamp: new Date().toISOString(), locale },
    })) as RequestEnvelope;
    const fuzzCase: FuzzCase = { envelope, wellFormed: true, expect: 'answer', attributes: 'absent', label: 'LaunchRequest (locale)' };
    const outcome = await call(options.handler, envelope);
    if (!record(report, fuzzCase, await examine(fuzzCase, outcome, report, options))) return false;
    return ssmlToText(ssmlOf(outcome.result?.response.outputSpeech)).includes(UNSUPPORTED_NOTE);
  }), { seed, numRuns: 5, endOnFailure: true });

  report.ms = Date.now() - started;
  return report;
}
