import type { HandlerInput } from 'ask-sdk-core';
import { logLine } from '../observability/log';

/**
 * What the skill remembers about a user, by part: each part's owner (preferences, rehearsal
 * progress) validates its own shape when reading. Nothing the user said is ever stored.
 *
 * Storage is a convenience, never a requirement: with no store, or when it fails, reads give an
 * empty record and writes are dropped, the failure logged without any personal data, and the
 * answer is still given.
 */
export type UserData = Record<string, unknown>;

/**
 * Request attribute: 'read' once the user's data was read this request, 'unavailable' when there is
 * no store or it failed (reads answer {} at once, writes are dropped); absent before the first read.
 */
const STORE_STATE = 'userDataStore';

function logFailure(operation: string, error: unknown): void {
  logLine({ event: 'storage_failure', operation, error: error instanceof Error ? error.name : 'Error' });
}

/**
 * Tells this request's reads that the skill was built without a store, so they answer at once:
 * asking the SDK instead costs a thrown error on every request.
 */
export function markNoStore(input: HandlerInput): void {
  input.attributesManager.getRequestAttributes()[STORE_STATE] = 'unavailable';
}

/** The SDK's own error when the skill was built without a persistence adapter: not a failure. */
const isNoStore = (error: unknown) =>
  error instanceof Error && error.name === 'AskSdk.AttributesManager Error' && /without (PersistenceManager|persistence adapter)/i.test(error.message);

/** The user's stored data, loaded once per request; {} when there is none or the store fails. */
export async function readUserData(input: HandlerInput): Promise<UserData> {
  const requestAttributes = input.attributesManager.getRequestAttributes();
  if (requestAttributes[STORE_STATE] === 'unavailable') return {};
  try {
    const data = await input.attributesManager.getPersistentAttributes(requestAttributes[STORE_STATE] !== 'read', {});
    requestAttributes[STORE_STATE] = 'read';
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  } catch (error) {
    requestAttributes[STORE_STATE] = 'unavailable';
    if (!isNoStore(error)) logFailure('read', error);
    return {};
  }
}

/** Sets (or, with undefined, removes) one part of the user's data and saves it. */
export async function writeUserPart(input: HandlerInput, part: string, value: unknown): Promise<boolean> {
  try {
    if (input.attributesManager.getRequestAttributes()[STORE_STATE] === 'unavailable') return false;
    const data = { ...(await readUserData(input)) };
    if (input.attributesManager.getRequestAttributes()[STORE_STATE] === 'unavailable') return false;
    if (value === undefined) delete data[part];
    else data[part] = value;
    input.attributesManager.setPersistentAttributes(data);
    // With nothing left to keep, keep no record at all rather than an empty one.
    if (Object.keys(data).length === 0 && input.attributesManager.deletePersistentAttributes) {
      await input.attributesManager.deletePersistentAttributes();
    } else {
      await input.attributesManager.savePersistentAttributes();
    }
    return true;
  } catch (error) {
    if (!isNoStore(error)) logFailure('write', error);
    return false;
  }
}

/** Removes everything stored for the user. True when the store confirmed it. */
export async function deleteUserData(input: HandlerInput): Promise<boolean> {
  try {
    input.attributesManager.setPersistentAttributes({});
    await input.attributesManager.deletePersistentAttributes?.();
    return true;
  } catch (error) {
    if (isNoStore(error)) return true;
    logFailure('delete', error);
    return false;
  }
}
