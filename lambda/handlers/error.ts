import type { ErrorHandler, HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { translatorFor } from '../locales/i18n';
import { logRequest } from '../observability/requestLog';
import { render } from '../speech/ssml';
import { respond } from './support/respond';
import { conversationOf } from './support/session';

/**
 * The words of the calm answer built without respond(), for when even respond() fails: a response
 * the SDK must still be able to send, so that no failure ever escapes the handler.
 */
function lastResort(): Response {
  const t = translatorFor(undefined);
  return {
    outputSpeech: { type: 'SSML', ssml: render(t, [{ key: 'error.calm' }, { key: 'offers.question.ask' }]).ssml },
    reprompt: { outputSpeech: { type: 'SSML', ssml: render(t, [{ key: 'offers.question.reprompt' }]).ssml } },
    shouldEndSession: false,
  };
}

function calmAnswer(input: HandlerInput): Response {
  const previous = conversationOf(input);
  // Ask the last answer's question again, so "yes" still means what it meant a moment ago.
  return respond(input, {
    topic: null,
    lines: [{ key: 'error.calm' }],
    close: previous.last?.offer ?? 'question',
    transient: true,
  });
}

/**
 * The last resort: no well-formed request should get here (the fuzz tests count that it never
 * does). Apologise briefly, keep the user's place and the session, and ask again.
 */
export const errorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    let response: Response;
    try {
      response = calmAnswer(input);
    } catch {
      response = lastResort();
    }
    logRequest(input, response, error);
    return response;
  },
};
