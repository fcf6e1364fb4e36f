import { getIntentName } from 'ask-sdk-core';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';
import { changePreferences } from './support/userPreferences';

/** "Short answers": one point at a time; "full answers": the whole first answer again. Remembered. */
export const answerLengthHandler = forIntents(['ShortAnswersIntent', 'FullAnswersIntent'], async (input) => {
  const answers = getIntentName(input.requestEnvelope) === 'ShortAnswersIntent' ? 'short' : 'full';
  const { saved } = await changePreferences(input, { answers });
  return respond(input, {
    topic: null,
    lines: [{ key: `preferences.${answers}` }, { key: saved ? 'preferences.saved' : 'preferences.notSaved' }],
    close: 'question',
  });
});
