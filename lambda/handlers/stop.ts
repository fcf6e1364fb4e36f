import type { HandlerInput } from 'ask-sdk-core';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';

export const goodbye = (input: HandlerInput) => respond(input, {
  topic: 'stop',
  lines: [{ key: 'stop.goodbye' }],
  close: 'end',
});

export const stopHandler = forIntents(['AMAZON.StopIntent', 'AMAZON.CancelIntent'], goodbye);
