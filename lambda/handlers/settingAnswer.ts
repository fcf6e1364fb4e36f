import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Line } from '../speech/ssml';
import { answerJustSaid, closeAt, heardSoFar, pageAfter, pageCount, placeIn, speakPage, viewFor } from './support/guidanceAnswer';
import { respond } from './support/respond';
import { withSafetyNetBeforeGuidance } from './support/safetyNet';
import { resolvedSlotId } from './support/slots';

/** The slot of a setting said with what to do next: "slower, and go on", "shorter, say that again". */
export const AFTER_SETTING_SLOT = 'then';
export const AFTER_SETTING_IDS = ['again', 'on'] as const;

/**
 * A speech rate or answer length change. In the middle of an answer the place is kept: the change
 * is confirmed, then the same point is said again or the answer goes on, if the user asked for that
 * in the same breath, or else the answer's own offer is asked again, so "yes" goes on with it.
 * Anywhere else the change is confirmed and the skill asks what the user would like.
 */
export async function answerSetting(input: HandlerInput, change: (input: HandlerInput) => Promise<Line[]>): Promise<Response> {
  // Read before the change, which rewrites the answer length the pages are laid out by.
  const reading = answerJustSaid(input);
  const heardIn = viewFor(input, reading?.nation ?? null);
  const confirmed = withSafetyNetBeforeGuidance(input, await change(input));
  if (!reading) return respond(input, { topic: null, lines: confirmed, close: 'question' });
  const { entry, page, nation } = reading;
  const now = viewFor(input, nation);
  // What was heard in the layout before goes on being left out, so a longer page says none of it again.
  const heard = heardSoFar(input, entry, heardIn, page, false);
  switch (resolvedSlotId(input, AFTER_SETTING_SLOT)) {
    case 'again':
      // The point said again, and what follows it in that page of the layout before too.
      return speakPage(input, entry, placeIn(entry, heardIn, now, page, 'first'), nation, { leadIn: confirmed, heard: heardSoFar(input, entry, heardIn, page, true) });
    case 'on':
      return pageAfter(input, entry, placeIn(entry, heardIn, now, page, 'after') - 1, nation, confirmed, heard);
    default: {
      // Kept just before the next point, so that "yes" or "more" goes on with it.
      const next = placeIn(entry, heardIn, now, page, 'after');
      // After the last part, the last part: its closing question, and "more" says that is everything.
      const at = Math.min(next, pageCount(input, entry, nation)) - 1;
      return respond(input, {
        topic: null,
        lines: confirmed,
        close: closeAt(input, entry, at, nation, heard),
        position: { entry: entry.id, page: at, nation, heard },
      });
    }
  }
}
