import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { getIntentName, getRequestType } from '../../askSdk';
import type { Response } from 'ask-sdk-model';

type Handle = (input: HandlerInput) => Response | Promise<Response>;

/** A handler for one or more intents: keeps `canHandle` declarative. */
export function forIntents(intents: readonly string[], handle: Handle): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest'
      && intents.includes(getIntentName(input.requestEnvelope)),
    handle,
  };
}

/** A handler for request types (LaunchRequest, SessionEndedRequest, ...). */
export function forRequestTypes(types: readonly string[], handle: Handle): RequestHandler {
  return {
    canHandle: (input) => types.includes(getRequestType(input.requestEnvelope)),
    handle,
  };
}
