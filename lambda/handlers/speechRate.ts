import { getIntentName, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { fasterThan, NORMAL_RATE, slowerThan, type SpeechRate } from '../persistence/preferences';
import type { Line } from '../speech/ssml';
import { contextOf } from './support/context';
import { answerSetting } from './settingAnswer';
import { forIntents } from './support/matchers';
import { changePreferences } from './support/userPreferences';

/** What a rate request asks for: the new rate (null when there is no further step) and its words. */
function requested(intent: string, current: SpeechRate): { rate: SpeechRate | null; changed: string; unchanged: string } {
  switch (intent) {
    case 'SpeakSlowerIntent':
      return { rate: slowerThan(current), changed: 'preferences.slower', unchanged: 'preferences.slowest' };
    case 'SpeakFasterIntent':
      return { rate: fasterThan(current), changed: 'preferences.faster', unchanged: 'preferences.fastest' };
    default:
      return { rate: current === NORMAL_RATE ? null : NORMAL_RATE, changed: 'preferences.normal', unchanged: 'preferences.alreadyNormal' };
  }
}

/**
 * "Slower", "slower still", "faster", "normal speed": one step at a time through a few rates. The
 * answer is spoken at the new rate, so the user hears the change, and the rate is remembered.
 */
export async function changeRate(input: HandlerInput): Promise<Line[]> {
  const current = contextOf(input).preferences.ratePercent;
  const { rate, changed, unchanged } = requested(getIntentName(input.requestEnvelope), current);
  const lines: Line[] = [];
  if (rate === null) {
    lines.push({ key: unchanged });
  } else {
    const { saved } = await changePreferences(input, { ratePercent: rate });
    lines.push({ key: changed });
    // Said once, on leaving the normal rate: Alexa's own setting still applies on top of this one.
    if (current === NORMAL_RATE) lines.push({ key: 'preferences.alexaRate' });
    lines.push({ key: saved ? 'preferences.saved' : 'preferences.notSaved' });
  }
  return lines;
}

export const SPEECH_RATE_INTENTS = ['SpeakSlowerIntent', 'SpeakFasterIntent', 'NormalSpeedIntent'];

export const speechRateHandler = forIntents(SPEECH_RATE_INTENTS, async (input): Promise<Response> =>
  answerSetting(input, changeRate));
