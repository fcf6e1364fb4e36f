import type { RequestHandler } from 'ask-sdk-core';
import { getIntentName, getRequestType, getSlot } from '../askSdk';
import { entryForIntent, type Nation } from '../guidance';
import { speakPage } from './support/guidanceAnswer';

/** Reads the nation slot by its resolved id, so any synonym Alexa matched counts. */
function nationOf(slot: ReturnType<typeof getSlot>): Nation | null {
  // Checked as arrays: a slot of the wrong shape is read as no nation rather than failing.
  const authorities: unknown = slot?.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return null;
  const matched: unknown = authorities.find((a: unknown) =>
    typeof a === 'object' && a !== null && (a as { status?: { code?: unknown } }).status?.code === 'ER_SUCCESS_MATCH');
  const values: unknown = (matched as { values?: unknown } | undefined)?.values;
  const id = Array.isArray(values) ? (values as { value?: { id?: unknown } }[])[0]?.value?.id : undefined;
  return id === 'scotland' || id === 'northern_ireland' ? id : null;
}

/** Every guidance intent: the first page of its entry, with the named nation's note if it differs. */
export const topicHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest'
    && entryForIntent(getIntentName(input.requestEnvelope)) !== undefined,
  handle: (input) => {
    const entry = entryForIntent(getIntentName(input.requestEnvelope));
    if (!entry) throw new Error('topic handler chosen without an entry');
    return speakPage(input, entry, 0, nationOf(getSlot(input.requestEnvelope, 'nation')));
  },
};
