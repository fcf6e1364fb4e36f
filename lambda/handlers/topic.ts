import { entryForIntent, GUIDANCE, NATION_SLOT, nationForSlotId } from '../guidance';
import { speakPage } from './support/guidanceAnswer';
import { forIntents, intentOf } from './support/matchers';
import { resolvedSlotId } from './support/slots';

/** Every guidance intent: the first page of its entry, with the named nation's note if it differs. */
export const topicHandler = forIntents(GUIDANCE.map((entry) => entry.intent), (input) => {
  const entry = entryForIntent(intentOf(input) ?? '');
  if (!entry) throw new Error('topic handler chosen without an entry');
  return speakPage(input, entry, 0, nationForSlotId(resolvedSlotId(input, NATION_SLOT)));
});
