import type { HandlerInput } from 'ask-sdk-core';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';

/** Help: 999 first, a few things to ask, and the offer of the rest ("more" or "yes"). */
export const helpAnswer = (input: HandlerInput) => respond(input, {
  topic: 'help',
  lines: [{ key: 'help.intro' }, { key: 'help.tryThis' }, { key: 'help.settings' }, { key: 'help.danger' }],
  close: 'helpMore',
});

/** Help's second page: moving through an answer, the settings, forgetting what is saved. */
export const helpMoreAnswer = (input: HandlerInput) => respond(input, {
  topic: 'help',
  lines: [{ key: 'help.more' }],
  close: 'question',
});

export const helpHandler = forIntents(['AMAZON.HelpIntent'], helpAnswer);
