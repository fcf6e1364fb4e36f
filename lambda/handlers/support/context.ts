import type { HandlerInput } from 'ask-sdk-core';
import { translatorFor, type Translate } from '../../locales/i18n';
import { NORMAL_VOICE, type VoiceSettings } from '../../speech/ssml';

/** What every handler needs for the current request, set once by the request interceptor. */
export interface RequestContext {
  readonly t: Translate;
  readonly voice: VoiceSettings;
}

const KEY = 'context';

export function setContext(input: HandlerInput, context: RequestContext): void {
  input.attributesManager.getRequestAttributes()[KEY] = context;
}

/** The request's context; falls back to defaults so that even an early failure can be answered. */
export function contextOf(input: HandlerInput): RequestContext {
  const found = input.attributesManager.getRequestAttributes()[KEY] as RequestContext | undefined;
  // Optional chaining throughout: the error handler calls this for requests too broken to trust.
  return found ?? { t: translatorFor(input.requestEnvelope?.request?.locale), voice: NORMAL_VOICE };
}
