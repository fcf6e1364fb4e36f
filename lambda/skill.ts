import { SkillBuilders, type PersistenceAdapter, type RequestInterceptor, type Skill } from 'ask-sdk-core';
import { errorHandler } from './handlers/error';
import { fallbackHandler } from './handlers/fallback';
import { helpHandler } from './handlers/help';
import { launchHandler, navigateHomeHandler } from './handlers/launch';
import { nextHandler, previousHandler, repeatHandler, startOverHandler } from './handlers/navigation';
import { sessionEndedHandler } from './handlers/sessionEnded';
import { stopHandler } from './handlers/stop';
import { topicHandler } from './handlers/topic';
import { moveOutsideRehearsalHandler, rehearsalHandler } from './handlers/rehearsal';
import { noHandler, yesHandler } from './handlers/yesNo';
import { applyPreferences } from './handlers/support/userPreferences';
import { answerLengthHandler } from './handlers/answerLength';
import { forgetMeHandler } from './handlers/forgetMe';
import { sendToPhoneHandler } from './handlers/sendToPhone';
import { speechRateHandler } from './handlers/speechRate';

export interface SkillOptions {
  /** When set, requests for any other skill id are refused. */
  readonly skillId?: string;
  /** Where preferences and rehearsal progress are kept; none means nothing is remembered. */
  readonly persistenceAdapter?: PersistenceAdapter;
}

/** Sets the request context: the locale's words, and the user's preferences (rate, length). */
const contextInterceptor: RequestInterceptor = {
  process: (input) => applyPreferences(input),
};

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
  sendToPhoneHandler,
  forgetMeHandler,
  fallbackHandler,
  sessionEndedHandler,
];

export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...REQUEST_HANDLERS)
    .addRequestInterceptors(contextInterceptor)
    .addErrorHandlers(errorHandler)
    .withCustomUserAgent('lone-officer-guide');
  if (options.skillId) builder.withSkillId(options.skillId);
  if (options.persistenceAdapter) builder.withPersistenceAdapter(options.persistenceAdapter);
  return builder.create();
}
