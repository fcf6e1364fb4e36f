/**
 * The benchmark's baseline: about the smallest real ASK SDK skill (launch, one intent, help, stop
 * and cancel, session ended, an error handler, i18next with one locale), the yardstick our skill's
 * start-up and per-request cost are measured against. Built with the same esbuild flags.
 */
import { getIntentName, getRequestType, SkillBuilders, type ErrorHandler, type HandlerInput, type RequestHandler, type RequestInterceptor } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import i18next, { type TFunction } from 'i18next';
import enGB from './en-GB.json';

const i18n = i18next.createInstance();
void i18n.init({ resources: { 'en-GB': { translation: enGB } }, lng: 'en-GB', fallbackLng: 'en-GB', initAsync: false });

const t = (input: HandlerInput): TFunction => input.attributesManager.getRequestAttributes().t as TFunction;

const localisation: RequestInterceptor = {
  process(input) {
    input.attributesManager.getRequestAttributes().t = i18n.getFixedT(input.requestEnvelope.request.locale ?? 'en-GB');
  },
};

const launch: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => input.responseBuilder.speak(t(input)('welcome')).reprompt(t(input)('reprompt')).getResponse(),
};

const hello: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest' && getIntentName(input.requestEnvelope) === 'HelloIntent',
  handle: (input) => input.responseBuilder.speak(t(input)('hello')).reprompt(t(input)('reprompt')).withSimpleCard('Hello', t(input)('hello')).getResponse(),
};

const help: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest' && getIntentName(input.requestEnvelope) === 'AMAZON.HelpIntent',
  handle: (input) => input.responseBuilder.speak(t(input)('help')).reprompt(t(input)('reprompt')).getResponse(),
};

const stop: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest'
    && ['AMAZON.StopIntent', 'AMAZON.CancelIntent'].includes(getIntentName(input.requestEnvelope)),
  handle: (input) => input.responseBuilder.speak(t(input)('goodbye')).withShouldEndSession(true).getResponse(),
};

const sessionEnded: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => input.responseBuilder.getResponse(),
};

const errors: ErrorHandler = {
  canHandle: () => true,
  handle: (input) => input.responseBuilder.speak(t(input)('error')).reprompt(t(input)('reprompt')).getResponse(),
};

const skill = SkillBuilders.custom()
  .addRequestHandlers(launch, hello, help, stop, sessionEnded)
  .addRequestInterceptors(localisation)
  .addErrorHandlers(errors)
  .create();

export const handler = async (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> => skill.invoke(event, context);
