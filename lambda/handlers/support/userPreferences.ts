import { getRequestType, type HandlerInput } from 'ask-sdk-core';
import { DEFAULT_PREFERENCES, readPreferences, type Preferences } from '../../persistence/preferences';
import { readUserData, writeUserPart } from '../../persistence/userData';
import { contextFor, contextOf, setContext } from './context';
import { ownedSessionAttributes, setOwnedSessionAttribute } from './session';

/** The user-data part preferences are stored under, and their copy in the session. */
const PART = 'preferences';

function keepInSession(input: HandlerInput, preferences: Preferences): void {
  setOwnedSessionAttribute(input, PART, preferences);
}

/**
 * The user's preferences for this request. The store is read once, when a session starts; later
 * turns use the copy kept in the session, so a conversation costs one read, not one per turn.
 */
export async function loadPreferences(input: HandlerInput): Promise<Preferences> {
  // Nothing is said after a session ends, so there is nothing to load.
  if (getRequestType(input.requestEnvelope) === 'SessionEndedRequest') return DEFAULT_PREFERENCES;
  const kept = ownedSessionAttributes(input)?.[PART];
  if (kept !== undefined && input.requestEnvelope.session?.new === false) return readPreferences(kept);
  const preferences = readPreferences((await readUserData(input))[PART]);
  keepInSession(input, preferences);
  return preferences;
}

/** Sets the context (voice, answer length) every handler of this request will use. */
export async function applyPreferences(input: HandlerInput): Promise<void> {
  setContext(input, contextFor(input, await loadPreferences(input)));
}

/**
 * Changes preferences from now on: this very response already uses them, the session keeps them,
 * and the store remembers what changed for next time (defaults are not stored: nothing to keep).
 * Returns whether the store confirmed it, so the answer can say honestly if it will not last.
 */
export async function changePreferences(input: HandlerInput, change: Partial<Preferences>): Promise<{ preferences: Preferences; saved: boolean }> {
  const preferences = readPreferences({ ...contextOf(input).preferences, ...change });
  setContext(input, contextFor(input, preferences));
  keepInSession(input, preferences);
  const saved = await writeUserPart(input, PART, preferences);
  return { preferences, saved };
}

/** After the user's data is deleted: back to defaults for the rest of this session too. */
export function resetPreferences(input: HandlerInput): void {
  setContext(input, contextFor(input, DEFAULT_PREFERENCES));
  keepInSession(input, DEFAULT_PREFERENCES);
}
