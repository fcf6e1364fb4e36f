import type { HandlerInput } from 'ask-sdk-core';
import { readState, type ConversationState } from './state';

/**
 * The session attributes the skill owns. Alexa hands session attributes back exactly as the skill
 * returned them, so anything else found there came from a broken or forged session: it is dropped,
 * never echoed back (an echoed attribute could also push a response past Alexa's 24 KB limit).
 * A feature that keeps something in the session adds its attribute's name here.
 */
export const OWNED_SESSION_ATTRIBUTES: readonly string[] = ['conversation'];

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

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
  for (const name of OWNED_SESSION_ATTRIBUTES) {
    if (Object.prototype.hasOwnProperty.call(attributes, name)) owned[name] = attributes[name];
  }
  return owned;
}

/**
 * Replaces the session's attributes with only the skill's own, the conversation read through
 * readState (nothing to do outside a session). For answers that do not go through respond().
 */
export function keepOwnedSessionAttributes(input: HandlerInput): void {
  const owned = ownedSessionAttributes(input);
  if (!owned) return;
  if (owned.conversation !== undefined) owned.conversation = readState(owned);
  input.attributesManager.setSessionAttributes(owned);
}

/** The conversation so far, read defensively (see readState); empty outside a session. */
export const conversationOf = (input: HandlerInput): ConversationState => readState(ownedSessionAttributes(input));
