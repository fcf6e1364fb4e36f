import { entryForIntent, GUIDANCE, isNation } from '../guidance';
import { OUTSIDE_UK, placeNamed, rememberNation } from './nation';
import { knownNation, speakPage } from './support/guidanceAnswer';
import { forIntents, intentOf } from './support/matchers';
import { respond } from './support/respond';

/**
 * Every guidance intent: the first page of its entry, for the nation the user is in. A nation named
 * in the question ("what do I do in Scotland") counts, and is remembered; "Ireland" gets the answer
 * and is asked again; a place outside the UK gets no UK law at all.
 */
export const topicHandler = forIntents(GUIDANCE.map((entry) => entry.intent), async (input) => {
  const entry = entryForIntent(intentOf(input) ?? '');
  if (!entry) throw new Error('topic handler chosen without an entry');
  const place = placeNamed(input);
  if (place === 'outside_uk') return respond(input, { topic: entry.topic, lines: [OUTSIDE_UK], close: 'anythingElse' });
  if (isNation(place)) await rememberNation(input, place);
  return speakPage(input, entry, 0, knownNation(input), place === 'ireland' ? { close: 'whichIreland' } : {});
});
