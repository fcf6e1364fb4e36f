import { SkillBuilders, type PersistenceAdapter, type RequestInterceptor, type Skill } from 'ask-sdk-core';
import { errorHandler } from './handlers/error';
import { fallbackHandler } from './handlers/fallback';
import { helpHandler } from './handlers/help';
import { launchHandler, navigateHomeHandler } from './handlers/launch';
import { previousHandler, repeatHandler, startOverHandler } from './handlers/navigation';
import { sessionEndedHandler } from './handlers/sessionEnded';
import { stopHandler } from './handlers/stop';
import { topicHandler } from './handlers/topic';
import { moveOutsideRehearsalHandler, rehearsalHandler } from './handlers/rehearsal';
import { nextHandler, noHandler, yesHandler } from './handlers/yesNo';
import { applyPreferences } from './handlers/support/userPreferences';
import { startStoreRequest } from './persistence/userData';
import { recordStore } from './persistence/recordStore';
import { isUserStore, type UserStore } from './persistence/userStore';
import { answerLengthHandler } from './handlers/answerLength';
import { forgetMeHandler } from './handlers/forgetMe';
import { sendToPhoneHandler } from './handlers/sendToPhone';
import { speechRateHandler } from './handlers/speechRate';
import { nationHandler } from './handlers/nation';
import { canFulfillIntentHandler, silentRequestHandler, unhandledRequestHandler } from './handlers/unhandled';
import { requestLogger, requestTimer } from './observability/requestLog';

export interface SkillOptions {
  /** When set, requests for any other skill id are refused. */
  readonly skillId?: string;
  /**
   * Where preferences and rehearsal progress are kept (the DynamoDB store, or an ASK SDK adapter
   * keeping whole records); none means nothing is remembered.
   */
  readonly persistenceAdapter?: UserStore | PersistenceAdapter;
}

/**
 * Starts the store's clock for this request (its calls must end in time for the answer to be
 * spoken), then sets the request context: the locale's words, and the user's preferences.
 */
function contextInterceptor(store: UserStore | undefined): RequestInterceptor {
  return {
    process: (input) => {
      startStoreRequest(input, store);
      return applyPreferences(input);
    },
  };
}

/** The request handlers in the order the SDK tries them; the first that can handle wins. */
export const REQUEST_HANDLERS = [
  launchHandler,
  // Before everything else: while a scene is played, whatever is said is part of the role play.
  rehearsalHandler,
  moveOutsideRehearsalHandler,
  topicHandler,
  helpHandler,
  stopHandler,
  yesHandler,
  noHandler,
  repeatHandler,
  nextHandler,
  previousHandler,
  startOverHandler,
  navigateHomeHandler,
  speechRateHandler,
  answerLengthHandler,
  nationHandler,
  sendToPhoneHandler,
  forgetMeHandler,
  fallbackHandler,
  sessionEndedHandler,
];

/**
 * Tried after every handler above (add new handlers to REQUEST_HANDLERS, never after these): requests
 * no feature takes (other request types, unknown intents) still get a calm, correct answer rather
 * than the error handler. The last one takes anything.
 */
const LAST_RESORT_HANDLERS = [canFulfillIntentHandler, silentRequestHandler, unhandledRequestHandler];

export function buildSkill(options: SkillOptions = {}): Skill {
  const adapter = options.persistenceAdapter;
  const store = adapter === undefined || isUserStore(adapter) ? adapter : recordStore(adapter);
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...REQUEST_HANDLERS, ...LAST_RESORT_HANDLERS)
    .addRequestInterceptors(requestTimer, contextInterceptor(store))
    // The request log stays the last response interceptor, so a line is written only for an answer
    // that is final (on failure the error handler writes the line instead).
    .addResponseInterceptors(requestLogger)
    .addErrorHandlers(errorHandler)
    .withCustomUserAgent('lone-officer-guide');
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}
