import type { HandlerInput } from 'ask-sdk-core';
import { translatorFor, type Translate } from '../../locales/i18n';
import { DEFAULT_PREFERENCES, type Preferences } from '../../persistence/preferences';
import { NORMAL_VOICE, type VoiceSettings } from '../../speech/ssml';

/** What every handler needs for the current request, set once by the request interceptor. */
export interface RequestContext {
  readonly t: Translate;
  readonly voice: VoiceSettings;
  /** The user's preferences for this request (speech rate, answer length). */
  readonly preferences: Preferences;
}

const KEY = 'context';

export function setContext(input: HandlerInput, context: RequestContext): void {
  input.attributesManager.getRequestAttributes()[KEY] = context;
}

/** The context for a request with these preferences: the voice follows the chosen rate. */
export function contextFor(input: HandlerInput, preferences: Preferences): RequestContext {
  return {
    t: translatorFor(input.requestEnvelope?.request?.locale),
    voice: { ...NORMAL_VOICE, ratePercent: preferences.ratePercent },
    preferences,
  };
}

/** The request's context; falls back to defaults so that even an early failure can be answered. */
export function contextOf(input: HandlerInput): RequestContext {
  const found = input.attributesManager.getRequestAttributes()[KEY] as RequestContext | undefined;
  // The error handler calls this for requests too broken to trust, so contextFor reads them carefully.
  return found ?? contextFor(input, DEFAULT_PREFERENCES);
}
