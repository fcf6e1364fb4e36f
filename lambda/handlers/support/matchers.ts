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

/** The slot's spoken value, trimmed, or null when it is missing or empty. */
export function slotValue(input: HandlerInput, slot: string): string | null {
  const request = input.requestEnvelope.request;
  if (request.type !== 'IntentRequest') return null;
  const value = request.intent.slots?.[slot]?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
