import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { differsByNation, entryById, pagesOf, type GuidanceEntry, type GuidancePart, type Nation } from '../../guidance';
import type { AnswerLength } from '../../persistence/preferences';
import type { Line } from '../../speech/ssml';
import { contextOf } from './context';
import { respond, type Close } from './respond';
import { beforeDangerAnswer, IN_DANGER_NOW } from './safetyNet';
import { conversationOf, ownedSessionAttributes, setOwnedSessionAttribute } from './session';

/** Session attribute: an answer has already asked where the user is, so none asks again. */
const NATION_ASKED = 'nationAsked';

/** The nation the user is known to be in (remembered like the speech rate), or null. */
export const knownNation = (input: HandlerInput): Nation | null => contextOf(input).preferences.nation;

/**
 * How a guidance page closes: "more" while there is more, then what the entry offers at its end.
 * The end is an offer, not the open question, so that "no thanks" to it keeps the skill listening.
 */
function closeFor(entry: GuidanceEntry, page: number, pages: readonly (readonly GuidancePart[])[], heard: ReadonlySet<string>): Close {
  if (nextUnheard(pages, page, heard) < pages.length) return 'more';
  return entry.offerAtEnd ?? 'otherTopics';
}

/** The first page after `page` holding a part not heard yet in this reading, or the page count when none does. */
function nextUnheard(pages: readonly (readonly GuidancePart[])[], page: number, heard: ReadonlySet<string>): number {
  const next = pages.findIndex((parts, at) => at > page && parts.some((part) => !heard.has(part.key)));
  return next < 0 ? pages.length : next;
}

/** The parts of `entry` heard in other layouts of this reading of it, as the session keeps them. */
export function heardBefore(input: HandlerInput, entry: GuidanceEntry): readonly string[] {
  const state = conversationOf(input);
  return state.entry === entry.id ? state.heard : [];
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

/** The pages of the entry as read for `nation`, with the user's answer length. */
export const pagesAsRead = (input: HandlerInput, entry: GuidanceEntry, nation: Nation | null): (readonly GuidancePart[])[] =>
  pagesFor(entry, nation, contextOf(input).preferences.answers);

/** How the page at `page` (already in range) of the entry closes, read for `nation`, with `heard` already heard in other layouts. */
export const closeAt = (input: HandlerInput, entry: GuidanceEntry, page: number, nation: Nation | null, heard = heardBefore(input, entry)): Close =>
  closeFor(entry, page, pagesAsRead(input, entry, nation), new Set(heard));

/** How a page is said. */
export interface PageOptions {
  /** A short line or two before the page ("All right: Scotland."). */
  readonly leadIn?: readonly Line[];
  /** Another closing question than the page's own. */
  readonly close?: Close;
  /** Parts heard in other layouts of this reading, kept for going on; omitted, the page begins a reading of its own. */
  readonly heard?: readonly string[];
  /** Going on: the heard parts are left out of this page, rather than the page being said whole. */
  readonly leaveOutHeard?: boolean;
}

/** Speaks one page of a guidance entry. */
export function speakPage(input: HandlerInput, entry: GuidanceEntry, page: number, nation: Nation | null, options: PageOptions = {}): Response {
  const { leadIn = [], close, heard = [], leaveOutHeard = false } = options;
  const pages = pagesAsRead(input, entry, nation);
  const at = Math.min(Math.max(page, 0), pages.length - 1);
  // An answer given whole (the danger answer) leaves nothing out.
  const leftOut = new Set(leaveOutHeard && !entry.whole ? heard : []);
  const parts = (pages[at] ?? []).filter((part) => !leftOut.has(part.key));
  const askNation = close === undefined && asksForNation(input, entry, at, nation);
  if (askNation) setOwnedSessionAttribute(input, NATION_ASKED, true);
  const lead = entry.whole ? beforeDangerAnswer(leadIn) : leadIn;
  return respond(input, {
    topic: entry.topic,
    lines: [...lead, ...parts.map((part) => ({ key: part.key }))],
    cardTitleKey: entry.titleKey,
    close: close ?? (askNation ? 'nation' : closeFor(entry, at, pages, new Set(heard))),
    position: { entry: entry.id, page: at, nation, heard },
  });
}

/**
 * Goes on from page `page` of the entry: the next page holding a part not heard yet, less the parts
 * heard in other layouts, after an optional lead-in; or, past the last, that there is no more (999
 * first: it offers no action of its own).
 */
export function pageAfter(input: HandlerInput, entry: GuidanceEntry, page: number, nation: Nation | null, leadIn: readonly Line[] = [], heard = heardBefore(input, entry)): Response {
  const pages = pagesAsRead(input, entry, nation);
  const next = nextUnheard(pages, page, new Set(heard));
  if (next < pages.length) return speakPage(input, entry, next, nation, { leadIn, heard, leaveOutHeard: true });
  // Past the end, so that "previous" reads the last page again.
  return respond(input, {
    topic: entry.topic,
    lines: [IN_DANGER_NOW, ...leadIn, { key: 'navigation.noMore' }],
    close: 'otherTopics',
    position: { entry: entry.id, page: pages.length, nation, heard },
  });
}

/**
 * The parts heard so far in this reading of the entry, as it moves to another layout or its place is
 * kept across a setting: those heard before, and those of `view`'s pages up to `page`, through it,
 * or only before it when that page is to be said again (then it and the pages after it count as
 * not heard, whatever layout they were heard in).
 */
export function heardSoFar(input: HandlerInput, entry: GuidanceEntry, view: PageView, page: number, upTo: 'through page' | 'before page'): readonly string[] {
  const pages = pagesFor(entry, view.nation, view.answers);
  const cut = Math.max(upTo === 'through page' ? page + 1 : page, 0);
  const again = new Set(upTo === 'before page' ? pages.slice(cut).flat().map((part) => part.key) : []);
  const heard = [...heardBefore(input, entry), ...pages.slice(0, cut).flat().map((part) => part.key)];
  return [...new Set(heard.filter((key) => !again.has(key)))];
}

/**
 * Keeps the place in the answer being read when its layout changes with nothing of it said now (an
 * answer length or a nation changed after help, "no" or in a practice): found again in the layout
 * now, so that "more" later goes on with the first part not heard there, a nation's note among them.
 */
export function keepPlace(input: HandlerInput, from: PageView): void {
  const state = conversationOf(input);
  const entry = entryById(state.entry);
  if (!entry || entry.whole) return;
  const nation = knownNation(input) ?? from.nation;
  const heard = heardSoFar(input, entry, from, state.page, 'through page');
  const pages = pagesAsRead(input, entry, nation);
  const next = nextUnheard(pages, -1, new Set(heard));
  // Past the end stays past the end, so that "previous" still says the last page.
  const pastEnd = next === pages.length && state.page >= pagesFor(entry, from.nation, from.answers).length;
  setOwnedSessionAttribute(input, 'conversation', { ...state, page: pastEnd ? pages.length : next - 1, nation, heard });
}

/** How an entry's pages are laid out: for which nation, at which answer length. */
export interface PageView {
  readonly nation: Nation | null;
  readonly answers: AnswerLength;
}

/**
 * Where reading has got to, found again in another layout of the same entry (another answer length,
 * or another nation's version): the page of `to` that holds the point page `page` of `from` began
 * with ('first'), or the first point after that page ('after': going on skips nothing, though a
 * longer page may hold points already heard). A point the other layout leaves out (a nation's own
 * note) is passed over for the next one, a part worded otherwise there is found by that wording;
 * past the last point, the page after the last.
 */
export function placeIn(entry: GuidanceEntry, from: PageView, to: PageView, page: number, point: 'first' | 'after'): number {
  const before = pagesFor(entry, from.nation, from.answers);
  const after = pagesFor(entry, to.nation, to.answers);
  const heard = page > 0 ? before.slice(0, page).flat().length : 0;
  const start = point === 'first' ? heard : heard + (before[page]?.length ?? 0);
  for (const part of before.flat().slice(start)) {
    // The part itself, or its wording in the other layout's nation.
    const variant = to.nation ? part.variants?.[to.nation]?.key : undefined;
    const found = after.findIndex((parts) => parts.some((p) => p.key === part.key || p.key === variant));
    if (found >= 0) return found;
  }
  return after.length;
}

/** The layout pages are said in for this request: the nation given, at the user's answer length. */
export const viewFor = (input: HandlerInput, nation: Nation | null): PageView => ({ nation, answers: contextOf(input).preferences.answers });

/**
 * The answer whose page was the last thing said (it carried that answer's card, or closed with the
 * question that page closes with, as a setting said after it does), where in it, and for which
 * nation; null when something else was said last, or reading is past its end.
 */
export function answerJustSaid(input: HandlerInput): { entry: GuidanceEntry; page: number; nation: Nation | null } | null {
  const state = conversationOf(input);
  const entry = entryById(state.entry);
  if (!entry || state.page >= pageCount(input, entry, state.nation)) return null;
  const offer = state.last?.offer;
  const closedAsThePage = offer === 'more' || offer === closeAt(input, entry, state.page, state.nation);
  if (state.last?.cardTitleKey !== entry.titleKey && !closedAsThePage) return null;
  return { entry, page: state.page, nation: state.nation };
}

/** How many pages the entry has, as read for `nation` with the user's answer length. */
export function pageCount(input: HandlerInput, entry: GuidanceEntry, nation: Nation | null): number {
  return pagesAsRead(input, entry, nation).length;
}
