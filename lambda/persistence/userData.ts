import type { HandlerInput } from 'ask-sdk-core';
import { ownedSessionAttributes, setOwnedSessionAttribute } from '../handlers/support/session';
import { logLine } from '../observability/log';
import { applyChange, changeOfPart, partsOf } from './fields';
import { readSessionCopy, sessionCopyAttribute, type SessionCopy } from './sessionCopy';
import { userIdOf } from './userKey';
import type { Deadline, UserStore } from './userStore';

/**
 * What the skill remembers about a user, by part: each part's owner (preferences, rehearsal
 * progress) validates its own shape when reading. Nothing the user said is ever stored.
 *
 * Storage is a convenience, never a requirement: with no store, when it fails, or when it is too
 * slow to answer before the answer must be spoken, reads give the defaults and writes are dropped
 * (never retried after the answer), the failure logged without any personal data.
 *
 * The store is read once per session; later turns use the session's copy. A write sends only the
 * fields that changed, so a session's out-of-date copy of the rest can never overwrite them.
 */
export type UserData = Record<string, unknown>;

/** The user hears an answer within this many milliseconds of the request, whatever the store does. */
const ANSWER_WITHIN_MS = 6000;
/** Kept back from the store for everything after its last call: the handler, and sending the answer. */
const ANSWER_TIME_MS = 1000;
/** No one call waits longer, so a read that hangs still leaves time to write a change. */
const CALL_MS = 2000;

/** The session attribute holding the session's copy (handlers/support/session.ts reads it). */
const SESSION_COPY = 'stored';
const STORE = 'userStore';
const COPY = 'userStoreCopy';

interface RequestStore {
  readonly store: UserStore | null;
  /** Milliseconds since the epoch by which every store call of this request must be over. */
  readonly until: number;
}

function logFailure(operation: string, error: unknown): void {
  logLine({ event: 'storage_failure', operation, error: error instanceof Error ? error.name : 'Error' });
}

/**
 * Sets up the store for this request, and the time its calls must end by: what Lambda says is left
 * (less the time to answer) where it says it, and a fixed budget from now in any case.
 */
export function startStoreRequest(input: HandlerInput, store: UserStore | undefined): void {
  const now = Date.now();
  const context = input.context as { getRemainingTimeInMillis?: () => number } | undefined;
  const remaining = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : Number.POSITIVE_INFINITY;
  const budget = Math.min(ANSWER_WITHIN_MS, Number.isFinite(remaining) ? remaining : ANSWER_WITHIN_MS) - ANSWER_TIME_MS;
  // Requests with no user id would all share one record: nothing is stored for them.
  const usable = store && userIdOf(input.requestEnvelope) !== null ? store : null;
  const state: RequestStore = { store: usable, until: now + Math.max(0, budget) };
  input.attributesManager.getRequestAttributes()[STORE] = state;
}

function requestStore(input: HandlerInput): RequestStore {
  return (input.attributesManager.getRequestAttributes()[STORE] as RequestStore | undefined) ?? { store: null, until: 0 };
}

/** The deadline of one call: the request's, and no more than CALL_MS from when the call starts. */
function callDeadline(input: HandlerInput): Deadline {
  const { until } = requestStore(input);
  const callUntil = Math.min(until, Date.now() + CALL_MS);
  return { left: () => Math.max(0, callUntil - Date.now()) };
}

function keepCopy(input: HandlerInput, copy: SessionCopy): void {
  input.attributesManager.getRequestAttributes()[COPY] = copy;
  // With no store there is nothing to keep a copy of.
  if (requestStore(input).store) setOwnedSessionAttribute(input, SESSION_COPY, sessionCopyAttribute(copy));
}

const UNKNOWN: SessionCopy = { fields: {}, version: { generation: null }, known: false };

/** The session's copy: from this request, else from the session (after its first turn), else read now. */
async function sessionCopy(input: HandlerInput): Promise<SessionCopy> {
  const attributes = input.attributesManager.getRequestAttributes();
  const inRequest = attributes[COPY] as SessionCopy | undefined;
  if (inRequest) return inRequest;
  const inSession = input.requestEnvelope.session?.new === false ? readSessionCopy(ownedSessionAttributes(input)?.[SESSION_COPY]) : undefined;
  if (inSession) {
    attributes[COPY] = inSession;
    return inSession;
  }
  const { store } = requestStore(input);
  let copy: SessionCopy = UNKNOWN;
  if (store) {
    try {
      const snapshot = await store.read(input.requestEnvelope, callDeadline(input));
      copy = { fields: snapshot.fields, version: snapshot.version, known: true };
    } catch (error) {
      logFailure('read', error);
    }
  }
  keepCopy(input, copy);
  return copy;
}

/** The user's stored data, by part, as this session knows it; {} when there is none or the store failed. */
export async function readUserData(input: HandlerInput): Promise<UserData> {
  return partsOf((await sessionCopy(input)).fields);
}

/**
 * Sets (or, with undefined, clears) one part of the user's data, writing only the fields that
 * differ from the session's copy. True when the store confirmed it (or there was nothing to
 * change); the session keeps the change either way.
 */
export async function writeUserPart(input: HandlerInput, part: string, value: unknown): Promise<boolean> {
  const copy = await sessionCopy(input);
  const change = changeOfPart(part, value, copy.fields);
  const { store } = requestStore(input);
  if (Object.keys(change).length === 0) return store !== null && !copy.closed;
  keepCopy(input, { ...copy, fields: applyChange(copy.fields, change) });
  if (!store || copy.closed) return false;
  try {
    const { outcome, version } = await store.write(input.requestEnvelope, change, Date.now(), copy.version, callDeadline(input));
    const current = requestCopy(input);
    // Deleted from another device since this session read it: this session writes nothing more.
    keepCopy(input, { ...current, version, ...(outcome === 'forgotten' ? { closed: true, unsaved: true } : {}) });
    if (outcome === 'forgotten') logLine({ event: 'storage_refused', operation: 'write', reason: 'forgotten' });
    return outcome !== 'forgotten';
  } catch (error) {
    logFailure('write', error);
    keepCopy(input, { ...requestCopy(input), unsaved: true });
    return false;
  }
}

/**
 * True once per session, on the first call after a save failed: for answers that do not say
 * after each save whether it worked (a practice saves at every turn), so the user hears it once.
 */
export function saveFailureToTell(input: HandlerInput): boolean {
  const copy = requestCopy(input);
  if (!copy.unsaved || copy.told) return false;
  keepCopy(input, { ...copy, told: true });
  return true;
}

const requestCopy = (input: HandlerInput): SessionCopy => (input.attributesManager.getRequestAttributes()[COPY] as SessionCopy | undefined) ?? UNKNOWN;

/** Removes everything stored for the user, for good. True when the store confirmed it (or there is no store). */
export async function deleteUserData(input: HandlerInput): Promise<boolean> {
  const { store } = requestStore(input);
  if (!store) {
    keepCopy(input, { fields: {}, version: { generation: null }, known: false });
    return true;
  }
  try {
    const version = await store.forget(input.requestEnvelope, callDeadline(input));
    keepCopy(input, { fields: {}, version, known: true });
    return true;
  } catch (error) {
    logFailure('delete', error);
    return false;
  }
}
