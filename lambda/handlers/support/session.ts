import type { HandlerInput } from 'ask-sdk-core';
import { readPreferences } from '../../persistence/preferences';
import { readSessionCopyAttribute } from '../../persistence/sessionCopy';
import { readSceneProgress } from '../../rehearsal';
import { readState, type ConversationState } from './state';
import { isRecord } from '../../util/isRecord';

/**
 * The session attributes the skill owns, each with the reader that validates it. Alexa hands session
 * attributes back exactly as the skill returned them, so anything else found there, or an owned
 * attribute of the wrong shape, came from a broken or forged session: it is dropped, never echoed
 * back (an echoed attribute could also push a response past Alexa's 24 KB limit). A feature that
 * keeps something in the session adds its attribute here, with a reader (undefined drops it).
 */
const READERS: Readonly<Record<string, (raw: unknown) => unknown>> = {
  // What was last said, and where reading has got to (state.ts).
  conversation: (raw) => readState({ conversation: raw }),
  // The stored preferences, read once a session (userPreferences.ts).
  preferences: (raw) => (raw === undefined ? undefined : readPreferences(raw)),
  // The scene being played, and whether how rehearsal works was said already (rehearsalState.ts).
  rehearsal: (raw) => readSceneProgress(raw) ?? undefined,
  rehearsalExplained: (raw) => (raw === true ? true : undefined),
  // "Forget me" said mid-practice: the scene goes on, and nothing of it is saved (rehearsalState.ts).
  practiceUnsaved: (raw) => (raw === true ? true : undefined),
  // Whether an answer has already asked where the user is (guidanceAnswer.ts).
  nationAsked: (raw) => (raw === true ? true : undefined),
  // "Which Ireland?" or "where are you?" asked just after an answer, which a nation then named is for (nation.ts).
  nationAskedAfterAnswer: (raw) => (raw === true ? true : undefined),
  // The session's copy of what is stored, read once a session (persistence/userData.ts).
  stored: readSessionCopyAttribute,
};

export const OWNED_SESSION_ATTRIBUTES: readonly string[] = Object.keys(READERS);


/** True when the request belongs to a session (skill events and some system requests do not). */
export const inSession = (input: HandlerInput): boolean => isRecord(input.requestEnvelope.session);

/**
 * The session's attributes as a fresh record holding only the skill's own attributes, or null
 * outside a session. Attributes of the wrong type (null, a string, an array) read as empty.
 */
export function ownedSessionAttributes(input: HandlerInput): Record<string, unknown> | null {
  if (!inSession(input)) return null;
  const attributes: unknown = input.attributesManager.getSessionAttributes();
  const owned: Record<string, unknown> = {};
  if (!isRecord(attributes)) return owned;
  for (const [name, read] of Object.entries(READERS)) {
    if (!Object.prototype.hasOwnProperty.call(attributes, name)) continue;
    const value = read(attributes[name]);
    if (value !== undefined) owned[name] = value;
  }
  return owned;
}

/** Sets (or, with undefined, removes) one of the skill's own session attributes; none outside a session. */
export function setOwnedSessionAttribute(input: HandlerInput, name: string, value: unknown): void {
  const owned = ownedSessionAttributes(input);
  if (!owned) return;
  if (value === undefined) delete owned[name];
  else owned[name] = value;
  input.attributesManager.setSessionAttributes(owned);
}

/**
 * Replaces the session's attributes with only the skill's own, the conversation read through
 * readState (nothing to do outside a session). For answers that do not go through respond().
 */
export function keepOwnedSessionAttributes(input: HandlerInput): void {
  const owned = ownedSessionAttributes(input);
  if (owned) input.attributesManager.setSessionAttributes(owned);
}

/** The conversation so far, read defensively (see readState); empty outside a session. */
export const conversationOf = (input: HandlerInput): ConversationState => readState(ownedSessionAttributes(input));
