import { isRecord } from '../util/isRecord';
/**
 * The user's preferences: how fast the skill speaks, how long its answers are, and which nation's
 * law they asked about. Stored as the
 * 'preferences' part of user data; pure logic, no SDK.
 */

/** Speaking rates, as percentages of Alexa's normal rate: few, and each step clearly audible. */
export const SPEECH_RATES = [70, 80, 90, 100, 115, 130] as const;
export type SpeechRate = (typeof SPEECH_RATES)[number];
export const NORMAL_RATE: SpeechRate = 100;

/** 'short' gives one point at a time; 'full' gives the whole first answer, detail on "more". */
export type AnswerLength = 'short' | 'full';

/** The UK nation whose law the user asked to hear about; null until they say. */
export const STORED_NATIONS = ['england_wales', 'scotland', 'northern_ireland'] as const;
export type StoredNation = (typeof STORED_NATIONS)[number];

export interface Preferences {
  readonly ratePercent: SpeechRate;
  readonly answers: AnswerLength;
  readonly nation: StoredNation | null;
}

export const DEFAULT_PREFERENCES: Preferences = { ratePercent: NORMAL_RATE, answers: 'full', nation: null };


/**
 * Reads stored (or session) preferences. Anything unknown or out of range falls back to the
 * default for that field, so a damaged record can never make the skill unusably fast or slow.
 */
export function readPreferences(raw: unknown): Preferences {
  if (!isRecord(raw)) return DEFAULT_PREFERENCES;
  const ratePercent = (SPEECH_RATES as readonly unknown[]).includes(raw.ratePercent) ? (raw.ratePercent as SpeechRate) : NORMAL_RATE;
  const answers: AnswerLength = raw.answers === 'short' ? 'short' : 'full';
  const nation = (STORED_NATIONS as readonly unknown[]).includes(raw.nation) ? (raw.nation as StoredNation) : null;
  return { ratePercent, answers, nation };
}

/** One step slower, or null when already at the slowest rate. */
export function slowerThan(rate: SpeechRate): SpeechRate | null {
  const at = SPEECH_RATES.indexOf(rate);
  return at > 0 ? (SPEECH_RATES[at - 1] ?? null) : null;
}

/** One step faster, or null when already at the fastest rate. */
export function fasterThan(rate: SpeechRate): SpeechRate | null {
  const at = SPEECH_RATES.indexOf(rate);
  return at >= 0 && at < SPEECH_RATES.length - 1 ? (SPEECH_RATES[at + 1] ?? null) : null;
}
