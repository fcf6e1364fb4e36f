import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { pagesOf, type GuidanceEntry, type GuidancePart, type Nation } from '../../guidance';
import type { AnswerLength } from '../../persistence/preferences';
import type { Line } from '../../speech/ssml';
import { contextOf } from './context';
import { respond, type Close } from './respond';

/** Entries whose last page leads naturally into practising the words out loud. */
const LEADS_TO_PRACTICE = ['overview', 'questions'];

/** How a guidance page closes: danger offers to say it again; otherwise more, then practice or something else. */
function closeFor(entry: GuidanceEntry, page: number, pageCount: number): Close {
  if (entry.topic === 'danger') return 'repeatDanger';
  if (page < pageCount - 1) return 'more';
  return LEADS_TO_PRACTICE.includes(entry.id) ? 'practise' : 'anythingElse';
}

/**
 * The pages as spoken with this answer length. Short answers give one point per page, a framing
 * sentence (not legal advice, "say more to hear how") staying with the point before it. The danger
 * answer is always given whole: what to do now must not wait for "more".
 */
function pagesFor(entry: GuidanceEntry, nation: Nation | null, answers: AnswerLength): (readonly GuidancePart[])[] {
  const pages = pagesOf(entry, nation);
  if (answers === 'full' || entry.topic === 'danger') return pages;
  const points: GuidancePart[][] = [];
  for (const part of pages.flat()) {
    const previous = points[points.length - 1];
    if (part.framing && previous) previous.push(part);
    else points.push([part]);
  }
  return points;
}

const pagesForRequest = (input: HandlerInput, entry: GuidanceEntry, nation: Nation | null) =>
  pagesFor(entry, nation, contextOf(input).preferences.answers);

/** Speaks one page of a guidance entry, optionally after a short lead-in line. */
export function speakPage(
  input: HandlerInput,
  entry: GuidanceEntry,
  page: number,
  nation: Nation | null,
  leadIn: readonly Line[] = [],
): Response {
  const pages = pagesForRequest(input, entry, nation);
  const at = Math.min(Math.max(page, 0), pages.length - 1);
  const parts = pages[at] ?? [];
  return respond(input, {
    topic: entry.topic,
    lines: [...leadIn, ...parts.map((part) => ({ key: part.key }))],
    cardTitleKey: entry.titleKey,
    close: closeFor(entry, at, pages.length),
    position: { entry: entry.id, page: at, nation },
  });
}

export function pageCount(input: HandlerInput, entry: GuidanceEntry, nation: Nation | null): number {
  return pagesForRequest(input, entry, nation).length;
}
