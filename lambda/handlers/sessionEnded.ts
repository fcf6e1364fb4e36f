import { forgetSceneAfterRealDanger } from './rehearsal';
import { forRequestTypes } from './support/matchers';
import { keepOwnedSessionAttributes } from './support/session';

/**
 * Alexa closed the session (timeout, user left, or an error on its side): nothing may be said. A
 * scene interrupted by real danger is not kept to be offered again. The request log line records
 * the reason and Alexa's error type.
 */
export const sessionEndedHandler = forRequestTypes(['SessionEndedRequest'], async (input) => {
  keepOwnedSessionAttributes(input);
  await forgetSceneAfterRealDanger(input);
  return input.responseBuilder.getResponse();
});
