import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { pagesOf, type GuidanceEntry, type Nation } from '../../guidance';
import type { Line } from '../../speech/ssml';
import { respond, type Close } from './respond';

/** Entries whose last page leads naturally into practising the words out loud. */
const LEADS_TO_PRACTICE = ['overview', 'questions'];

/** How a guidance page closes: danger offers to say it again; otherwise more, then practice or something else. */
function closeFor(entry: GuidanceEntry, page: number, pageCount: number): Close {
  if (entry.topic === 'danger') return 'repeatDanger';
  if (page < pageCount - 1) return 'more';
  return LEADS_TO_PRACTICE.includes(entry.id) ? 'practise' : 'anythingElse';
}

/** Speaks one page of a guidance entry, optionally after a short lead-in line. */
export function speakPage(
  input: HandlerInput,
  entry: GuidanceEntry,
  page: number,
  nation: Nation | null,
  leadIn: readonly Line[] = [],
): Response {
  const pages = pagesOf(entry, nation);
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

export function pageCount(entry: GuidanceEntry, nation: Nation | null): number {
  return pagesOf(entry, nation).length;
}
