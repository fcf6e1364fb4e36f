import type { HandlerInput } from 'ask-sdk-core';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';

export const helpAnswer = (input: HandlerInput) => respond(input, {
  topic: 'help',
  lines: [{ key: 'help.intro' }, { key: 'help.tryThis' }, { key: 'help.settings' }, { key: 'help.danger' }],
  close: 'question',
});

export const helpHandler = forIntents(['AMAZON.HelpIntent'], helpAnswer);
