import { getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { fallbackAnswer } from './fallback';
import { respond } from './support/respond';
import { inSession, keepOwnedSessionAttributes } from './support/session';

/**
 * Requests that must not be answered with speech: Alexa reports something (an error, a skill
 * event, audio playback) and no one is waiting for words. Matched by request type or prefix.
 */
const SILENT_TYPES = ['System.ExceptionEncountered', 'Alexa.Presentation.APL.RuntimeError'];
const SILENT_PREFIXES = [
  'AlexaSkillEvent.', 'AlexaHouseholdListEvent.', 'AudioPlayer.', 'PlaybackController.', 'Reminders.', 'Messaging.',
  'Alexa.Presentation.APL.Load', 'Alexa.DataStore.', 'Alexa.Authorization.',
];

const typeOf = (input: HandlerInput): string => {
  const type: unknown = getRequestType(input.requestEnvelope);
  return typeof type === 'string' ? type : '';
};

const isSilent = (type: string) => SILENT_TYPES.includes(type) || SILENT_PREFIXES.some((p) => type.startsWith(p));

/** An empty response: nothing said, nothing shown, the session's own attributes only. */
function silence(input: HandlerInput): Response {
  keepOwnedSessionAttributes(input);
  return input.responseBuilder.getResponse();
}

/** Reports, events and anything outside a session: acknowledged without a word. */
export const silentRequestHandler: RequestHandler = {
  canHandle: (input) => isSilent(typeOf(input)) || !inSession(input),
  handle: silence,
};

/**
 * Name-free interaction is not declared in skill.json, so Alexa should not ask; if it does, the
 * skill declines politely rather than guessing.
 */
export const canFulfillIntentHandler: RequestHandler = {
  canHandle: (input) => typeOf(input) === 'CanFulfillIntentRequest',
  handle: (input) => {
    keepOwnedSessionAttributes(input);
    return input.responseBuilder.withCanFulfillIntent({ canFulfill: 'NO' }).getResponse();
  },
};

/**
 * Whatever no other handler took, in a session: an intent the skill has no answer for is outside
 * its scope; any other request (a touch on a screen, a reply from another skill) gets a short word
 * and the usual question. The user's place is kept, so "more" and "repeat" still work.
 */
export const unhandledRequestHandler: RequestHandler = {
  canHandle: () => true,
  handle: (input) => {
    if (typeOf(input) === 'IntentRequest') return fallbackAnswer(input);
    return respond(input, {
      topic: null,
      lines: [{ key: 'unhandled.notHere' }, { key: 'launch.examples' }],
      close: 'question',
    });
  },
};
