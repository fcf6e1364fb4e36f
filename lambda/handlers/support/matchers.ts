import { getIntentName, getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';

type Handle = (input: HandlerInput) => Response | Promise<Response>;

/** A handler that names the intents it answers, so the interaction model can be checked against the code. */
export interface IntentHandler extends RequestHandler {
  readonly intents: readonly string[];
}

/** The request's intent name, or null when it is no IntentRequest. */
export const intentOf = (input: HandlerInput): string | null =>
  getRequestType(input.requestEnvelope) === 'IntentRequest' ? getIntentName(input.requestEnvelope) : null;

/** A handler for one or more intents: keeps `canHandle` declarative. */
export function forIntents(intents: readonly string[], handle: Handle): IntentHandler {
  return {
    intents,
    canHandle: (input) => {
      const name = intentOf(input);
      return name !== null && intents.includes(name);
    },
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
