import { getIntentName, type HandlerInput } from 'ask-sdk-core';
import type { Line } from '../speech/ssml';
import { answerSetting } from './settingAnswer';
import { forIntents } from './support/matchers';
import { changePreferences } from './support/userPreferences';

export const ANSWER_LENGTH_INTENTS = ['ShortAnswersIntent', 'FullAnswersIntent'];

/** "Short answers": one point at a time; "full answers": the whole first answer again. Remembered. */
export async function changeAnswerLength(input: HandlerInput): Promise<Line[]> {
  const answers = getIntentName(input.requestEnvelope) === 'ShortAnswersIntent' ? 'short' : 'full';
  const { saved } = await changePreferences(input, { answers });
  return [{ key: `preferences.${answers}` }, { key: saved ? 'preferences.saved' : 'preferences.notSaved' }];
}

export const answerLengthHandler = forIntents(ANSWER_LENGTH_INTENTS, async (input) =>
  answerSetting(input, changeAnswerLength));
