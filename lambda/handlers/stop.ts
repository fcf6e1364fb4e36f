import type { HandlerInput } from 'ask-sdk-core';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';
import { IN_DANGER_NOW } from './support/safetyNet';

/** Goodbye, after 999: "stop" and "no" are easy to hear in a frightened person's words. */
export const goodbye = (input: HandlerInput) => respond(input, {
  topic: 'stop',
  lines: [IN_DANGER_NOW, { key: 'stop.goodbye' }],
  close: 'end',
});

export const stopHandler = forIntents(['AMAZON.StopIntent', 'AMAZON.CancelIntent'], goodbye);
