import type { HandlerInput } from 'ask-sdk-core';
import { isRecord } from '../../util/isRecord';

/**
 * The id Alexa's entity resolution matched for a slot of the request, so any synonym counts; null
 * when the slot is missing, unmatched, or of the wrong shape (read as no value rather than failing).
 */
export function resolvedSlotId(input: HandlerInput, name: string): string | null {
  const request: unknown = input.requestEnvelope.request;
  if (!isRecord(request) || request.type !== 'IntentRequest' || !isRecord(request.intent) || !isRecord(request.intent.slots)) return null;
  const slot = request.intent.slots[name];
  const authorities: unknown = isRecord(slot) && isRecord(slot.resolutions) ? slot.resolutions.resolutionsPerAuthority : undefined;
  if (!Array.isArray(authorities)) return null;
  const matched: unknown = authorities.find((a: unknown) => isRecord(a) && isRecord(a.status) && a.status.code === 'ER_SUCCESS_MATCH');
  const values: unknown = isRecord(matched) ? matched.values : undefined;
  const first: unknown = Array.isArray(values) ? values[0] : undefined;
  const id: unknown = isRecord(first) && isRecord(first.value) ? first.value.id : undefined;
  return typeof id === 'string' ? id : null;
}
