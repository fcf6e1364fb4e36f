import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { differsByNation, pagesOf, type GuidanceEntry, type GuidancePart, type Nation } from '../../guidance';
import type { AnswerLength } from '../../persistence/preferences';
import type { Line } from '../../speech/ssml';
import { contextOf } from './context';
import { respond, type Close } from './respond';
import { ownedSessionAttributes, setOwnedSessionAttribute } from './session';

/** Session attribute: an answer has already asked where the user is, so none asks again. */
const NATION_ASKED = 'nationAsked';

/** The nation the user is known to be in (remembered like the speech rate), or null. */
export const knownNation = (input: HandlerInput): Nation | null => contextOf(input).preferences.nation;

/** How a guidance page closes: "more" while there is more, then what the entry offers at its end. */
function closeFor(entry: GuidanceEntry, page: number, pageCount: number): Close {
  if (page < pageCount - 1) return 'more';
  return entry.offerAtEnd ?? 'anythingElse';
}

/**
 * The first time an answer differs by nation and none is known, its closing question asks where the
 * user is, once a session. Never on an answer given whole (the danger answer): what to do now must
 * not wait on a question.
 */
function asksForNation(input: HandlerInput, entry: GuidanceEntry, page: number, nation: Nation | null): boolean {
  return page === 0 && nation === null && !entry.whole && differsByNation(entry) && ownedSessionAttributes(input)?.[NATION_ASKED] !== true;
}

/**
 * The pages as spoken with this answer length. Short answers give one point per page, a framing
 * sentence (not legal advice, "say more to hear how") staying with the point before it. An entry
 * marked whole (the danger answer) is never split.
 */
function pagesFor(entry: GuidanceEntry, nation: Nation | null, answers: AnswerLength): (readonly GuidancePart[])[] {
  const pages = pagesOf(entry, nation);
  if (answers === 'full' || entry.whole) return pages;
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

/** How the page at `page` (already in range) of the entry closes, read for `nation`. */
export const closeAt = (input: HandlerInput, entry: GuidanceEntry, page: number, nation: Nation | null): Close =>
  closeFor(entry, page, pagesForRequest(input, entry, nation).length);

/** Speaks one page of a guidance entry, optionally after a short lead-in line, or with another closing question. */
export function speakPage(
  input: HandlerInput,
  entry: GuidanceEntry,
  page: number,
  nation: Nation | null,
  leadIn: readonly Line[] = [],
  close?: Close,
): Response {
  const pages = pagesForRequest(input, entry, nation);
  const at = Math.min(Math.max(page, 0), pages.length - 1);
  const parts = pages[at] ?? [];
  const askNation = close === undefined && asksForNation(input, entry, at, nation);
  if (askNation) setOwnedSessionAttribute(input, NATION_ASKED, true);
  return respond(input, {
    topic: entry.topic,
    lines: [...leadIn, ...parts.map((part) => ({ key: part.key }))],
    cardTitleKey: entry.titleKey,
    close: close ?? (askNation ? 'nation' : closeFor(entry, at, pages.length)),
    position: { entry: entry.id, page: at, nation },
  });
}

/**
 * Where reading has got to, kept across a change of answer length: the page, at length `to`, that
 * holds the point the page `page` at length `from` began with.
 */
export function samePlace(entry: GuidanceEntry, nation: Nation | null, page: number, from: AnswerLength, to: AnswerLength): number {
  if (from === to) return page;
  const first = pagesFor(entry, nation, from)[page]?.[0];
  const found = pagesFor(entry, nation, to).findIndex((parts) => parts.some((part) => part.key === first?.key));
  return Math.max(found, 0);
}

export function pageCount(input: HandlerInput, entry: GuidanceEntry, nation: Nation | null): number {
  return pagesForRequest(input, entry, nation).length;
}
