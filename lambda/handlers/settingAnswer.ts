import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Line } from '../speech/ssml';
import { answerJustSaid, closeAt, heardSoFar, keepPlace, pageAfter, pageCount, placeIn, speakPage, viewFor } from './support/guidanceAnswer';
import { respond } from './support/respond';
import { conversationOf } from './support/session';
import { withSafetyNetBeforeGuidance } from './support/safetyNet';
import { resolvedSlotId } from './support/slots';

/** The slot of a setting said with what to do next: "slower, and go on", "shorter, say that again". */
export const AFTER_SETTING_SLOT = 'then';
export const AFTER_SETTING_IDS = ['again', 'on'] as const;

/**
 * A speech rate or answer length change. In the middle of an answer the place is kept: the change
 * is confirmed, then the same point is said again or the answer goes on, if the user asked for that
 * in the same breath, or else the answer's own offer is asked again, so "yes" goes on with it.
 * Anywhere else the change is confirmed and the skill asks what the user would like, and the place
 * in an answer begun is kept too, found again at the new length.
 */
export async function answerSetting(input: HandlerInput, change: (input: HandlerInput) => Promise<Line[]>): Promise<Response> {
  // Read before the change, which rewrites the answer length the pages are laid out by.
  const reading = answerJustSaid(input);
  const heardIn = viewFor(input, conversationOf(input).nation);
  const confirmed = withSafetyNetBeforeGuidance(input, await change(input));
  if (!reading) {
    // No answer just said (help, "no", "that's everything" came last): only confirmed, and "more" later goes on from the same place.
    keepPlace(input, heardIn);
    return respond(input, { topic: null, lines: confirmed, close: 'question' });
  }
  const { entry, page, nation } = reading;
  const now = viewFor(input, nation);
  // What was heard at the length before goes on being left out, so a longer page says none of it again.
  const heard = heardSoFar(input, entry, heardIn, page, 'through page');
  // Kept just before the next point at the new length; after the last part, on the last part.
  const at = Math.min(placeIn(entry, heardIn, now, page, 'after'), pageCount(input, entry, nation)) - 1;
  switch (resolvedSlotId(input, AFTER_SETTING_SLOT)) {
    case 'again':
      // The point said again, and what follows it in that page at the length before too.
      return speakPage(input, entry, placeIn(entry, heardIn, now, page, 'first'), nation, { leadIn: confirmed, heard: heardSoFar(input, entry, heardIn, page, 'before page') });
    case 'on':
      return pageAfter(input, entry, at, nation, confirmed, heard);
    default:
      // The answer's own question again, so that "yes" or "more" goes on with the next point.
      return respond(input, {
        topic: null,
        lines: confirmed,
        close: closeAt(input, entry, at, nation, heard),
        position: { entry: entry.id, page: at, nation, heard },
      });
  }
}
