import type { HandlerInput } from 'ask-sdk-core';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';

/** Anything outside the skill: say so briefly, say what it can do, and keep listening. */
export const fallbackAnswer = (input: HandlerInput) => respond(input, {
  topic: 'out_of_scope',
  lines: [{ key: 'fallback.cannotHelp' }, { key: 'fallback.scope' }],
  close: 'question',
});

export const fallbackHandler = forIntents(['AMAZON.FallbackIntent'], fallbackAnswer);
