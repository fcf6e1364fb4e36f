/**
 * The benchmark's peer: about the smallest real ASK SDK skill (launch, one intent, help, stop and
 * cancel, session ended, an error handler, i18next with one locale). Each entry beside this file
 * builds it with one way of reading the user's data at launch, or none.
 */
import {
  getIntentName, getRequestType, SkillBuilders, type ErrorHandler, type HandlerInput, type PersistenceAdapter, type RequestHandler, type RequestInterceptor,
} from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import i18next, { type TFunction } from 'i18next';
import enGB from './en-GB.json';

/** Reads what the store holds for this request's user, or nothing. */
export type ReadUserData = (input: HandlerInput) => Promise<Record<string, unknown> | undefined>;

export type Handler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

/** The DynamoDB table and user the bench prepares; the endpoint is dynalite's, found as the SDK v3 finds it. */
export const storeSettings = () => ({
  tableName: process.env.USER_TABLE_NAME ?? 'hello-world-users',
  region: process.env.AWS_REGION ?? 'eu-west-2',
  endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
});

export function helloWorld(options: { readUserData?: ReadUserData; persistenceAdapter?: PersistenceAdapter } = {}): Handler {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { 'en-GB': { translation: enGB } }, lng: 'en-GB', fallbackLng: 'en-GB', initAsync: false });
  const t = (input: HandlerInput): TFunction => input.attributesManager.getRequestAttributes().t as TFunction;

  const localisation: RequestInterceptor = {
    process(input) {
      input.attributesManager.getRequestAttributes().t = i18n.getFixedT(input.requestEnvelope.request.locale ?? 'en-GB');
    },
  };
  const intentNamed = (input: HandlerInput, names: readonly string[]) =>
    getRequestType(input.requestEnvelope) === 'IntentRequest' && names.includes(getIntentName(input.requestEnvelope));

  const launch: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: async (input) => {
      const known = options.readUserData ? (await options.readUserData(input)) !== undefined : false;
      return input.responseBuilder.speak(t(input)(known ? 'welcomeBack' : 'welcome')).reprompt(t(input)('reprompt')).getResponse();
    },
  };
  const hello: RequestHandler = {
    canHandle: (input) => intentNamed(input, ['HelloIntent']),
    handle: (input) => input.responseBuilder.speak(t(input)('hello')).reprompt(t(input)('reprompt')).withSimpleCard('Hello', t(input)('hello')).getResponse(),
  };
  const help: RequestHandler = {
    canHandle: (input) => intentNamed(input, ['AMAZON.HelpIntent']),
    handle: (input) => input.responseBuilder.speak(t(input)('help')).reprompt(t(input)('reprompt')).getResponse(),
  };
  const stop: RequestHandler = {
    canHandle: (input) => intentNamed(input, ['AMAZON.StopIntent', 'AMAZON.CancelIntent']),
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

  const builder = SkillBuilders.custom()
    .addRequestHandlers(launch, hello, help, stop, sessionEnded)
    .addRequestInterceptors(localisation)
    .addErrorHandlers(errors);
  if (options.persistenceAdapter) builder.withPersistenceAdapter(options.persistenceAdapter);
  const skill = builder.create();
  return (event, context) => skill.invoke(event, context);
}
