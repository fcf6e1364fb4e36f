import { forRequestTypes } from './support/matchers';
import { keepOwnedSessionAttributes } from './support/session';

/**
 * Alexa closed the session (timeout, user left, or an error on its side): nothing may be said.
 * The request log line records the reason and Alexa's error type.
 */
export const sessionEndedHandler = forRequestTypes(['SessionEndedRequest'], (input) => {
  keepOwnedSessionAttributes(input);
  return input.responseBuilder.getResponse();
});
