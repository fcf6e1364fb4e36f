import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { entryById, type GuidanceEntry } from '../guidance';
import type { AnswerLength } from '../persistence/preferences';
import type { Line } from '../speech/ssml';
import { pageAfter } from './navigation';
import { closeAt, pageCount, samePlace, speakPage } from './support/guidanceAnswer';
import { contextOf } from './support/context';
import { respond } from './support/respond';
import { withSafetyNetBeforeGuidance } from './support/safetyNet';
import { conversationOf } from './support/session';
import { resolvedSlotId } from './support/slots';

/** The slot of a setting said with what to do next: "slower, and go on", "shorter, say that again". */
export const AFTER_SETTING_SLOT = 'then';
export const AFTER_SETTING_IDS = ['again', 'on'] as const;

/** The answer being read when a setting is changed, and where in it, or null when none is. */
function answerBeingRead(input: HandlerInput): { entry: GuidanceEntry; page: number; answers: AnswerLength } | null {
  const state = conversationOf(input);
  const entry = entryById(state.entry);
  if (!entry || (state.topic !== entry.topic && state.last?.offer !== 'more')) return null;
  if (state.page >= pageCount(input, entry, state.nation)) return null;
  return { entry, page: state.page, answers: contextOf(input).preferences.answers };
}

/**
 * A speech rate or answer length change. In the middle of an answer the place is kept: the change
 * is confirmed, then the same point is said again or the answer goes on, if the user asked for that
 * in the same breath, or else the answer's own offer is asked again, so "yes" goes on with it.
 * Anywhere else the change is confirmed and the skill asks what the user would like.
 */
export async function answerSetting(input: HandlerInput, change: (input: HandlerInput) => Promise<Line[]>): Promise<Response> {
  const reading = answerBeingRead(input);
  const confirmed = withSafetyNetBeforeGuidance(input, await change(input));
  if (!reading) return respond(input, { topic: null, lines: confirmed, close: 'question' });
  const { nation } = conversationOf(input);
  const { entry } = reading;
  const page = samePlace(entry, nation, reading.page, reading.answers, contextOf(input).preferences.answers);
  switch (resolvedSlotId(input, AFTER_SETTING_SLOT)) {
    case 'again':
      return speakPage(input, entry, page, nation, confirmed);
    case 'on':
      return pageAfter(input, entry, page, nation, confirmed);
    default:
      return respond(input, {
        topic: null,
        lines: confirmed,
        close: closeAt(input, entry, page, nation),
        position: { entry: entry.id, page, nation },
      });
  }
}
