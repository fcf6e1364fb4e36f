import { forRequestTypes } from './support/matchers';

/** Alexa closed the session (timeout, user left, or an error on its side): nothing may be said. */
export const sessionEndedHandler = forRequestTypes(['SessionEndedRequest'], (input) => {
  const request = input.requestEnvelope.request;
  if (request.type === 'SessionEndedRequest' && request.error) {
    // Only the error type and reason: they carry no personal data.
    console.error(JSON.stringify({ event: 'session_ended_with_error', type: request.error.type, reason: request.reason }));
  }
  return input.responseBuilder.getResponse();
});
