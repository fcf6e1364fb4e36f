import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { entryById, isNation, NATION_SLOT, placeForSlotId, type GuidanceEntry, type GuidancePart, type Nation, type Place } from '../guidance';
import type { Line } from '../speech/ssml';
import { answerJustSaid, closeAt, heardBefore, heardSoFar, keepPlace, knownNation, pageCount, pagesAsRead, placeIn, speakPage, viewFor } from './support/guidanceAnswer';
import { forIntents } from './support/matchers';
import { respond, type Close } from './support/respond';
import { conversationOf, ownedSessionAttributes, setOwnedSessionAttribute } from './support/session';
import { beforeDangerAnswer, IN_DANGER_NOW } from './support/safetyNet';
import { resolvedSlotId } from './support/slots';
import { changePreferences } from './support/userPreferences';

export const SET_NATION_INTENT = 'SetNationIntent';

/** Where the request's nation slot puts the user, or null when it names nowhere the skill knows. */
export const placeNamed = (input: HandlerInput): Place | null => placeForSlotId(resolvedSlotId(input, NATION_SLOT));

/**
 * Remembers the nation the user is in, like the speech rate: this answer already uses it, the
 * session keeps it, the store remembers it. True when the store confirmed it (or nothing changed).
 */
export async function rememberNation(input: HandlerInput, nation: Nation): Promise<boolean> {
  if (knownNation(input) === nation) return true;
  return (await changePreferences(input, { nation })).saved;
}

/** What is said for a place whose law the guide does not give, and the question that follows. */
interface NotANation {
  readonly lines: readonly Line[];
  readonly close: Close;
}

/** Only the UK's law is here: for anywhere else, the emergency number in Europe, and nothing more. */
export const OUTSIDE_UK: Line = { key: 'nations.outsideUk' };

const NOT_A_NATION: Readonly<Record<'outside_uk' | 'ireland' | 'none', NotANation>> = {
  outside_uk: { lines: [OUTSIDE_UK], close: 'anythingElse' },
  // "Ireland" may mean the Republic, which the guide does not cover: asked again.
  ireland: { lines: [{ key: 'nations.ireland' }], close: 'whichIreland' },
  // Words taken for a nation that name none may be anything, "I'm cornered" too: 999 first.
  none: { lines: [IN_DANGER_NOW, { key: 'nations.notCaught' }], close: 'nation' },
};

const notANation = (place: Place | null): NotANation => NOT_A_NATION[place === 'outside_uk' || place === 'ireland' ? place : 'none'];

/**
 * What naming a place says, where the conversation carries on after it (a scene): the nation
 * confirmed and remembered, or what is said for anywhere else, with no question of its own, since
 * the conversation that carries on asks one ("What do you say or do?").
 */
export async function changeNation(input: HandlerInput): Promise<Line[]> {
  const place = placeNamed(input);
  if (!isNation(place)) return [...notANation(place).lines];
  const saved = await rememberNation(input, place);
  return [{ key: `nations.confirm.${place}` }, ...(saved ? [] : [{ key: 'preferences.notSaved' }])];
}

/**
 * Where a nation named in the middle of an answer takes reading, in that nation's layout of it, with
 * `heard` heard so far: `next`, the first page holding a part not heard yet (framing lines too) other
 * than the note (-1 when none), `notePage`, the page holding the note, and whether the note was heard.
 */
function nationPlace(input: HandlerInput, entry: GuidanceEntry, place: Nation, heard: readonly string[], note?: GuidancePart): { next: number; notePage: number; noteHeard: boolean } {
  const heardKeys = new Set(heard);
  const pages = pagesAsRead(input, entry, place);
  return {
    next: pages.findIndex((parts) => parts.some((p) => p.key !== note?.key && !heardKeys.has(p.key))),
    notePage: note ? pages.findIndex((parts) => parts.some((p) => p.key === note.key)) : -1,
    noteHeard: note !== undefined && heardKeys.has(note.key),
  };
}

/** Session attribute: "which Ireland?" or "where are you?" was asked just after an answer. */
const ASKED_AFTER_ANSWER = 'nationAskedAfterAnswer';

/**
 * Whether the nation named now is named for the answer being read: just said, or asked about by the
 * question just before ("which Ireland?", "where are you?"), which set the flag just after it.
 */
function afterAnswer(input: HandlerInput, topic: string | null, entry: GuidanceEntry): boolean {
  const offer = conversationOf(input).last?.offer;
  const askedJustNow = (offer === 'whichIreland' || offer === 'nation') && ownedSessionAttributes(input)?.[ASKED_AFTER_ANSWER] === true;
  return answerJustSaid(input) !== null || topic === entry.topic || askedJustNow;
}

/**
 * "I'm in Scotland", or a bare "Scotland" after an answer asked: confirmed and remembered, and the
 * answer being read gives that nation's note now (or, with none, says its part again as that nation
 * hears it), then carries on where it was. "Ireland" is asked again; a place outside the UK gets
 * the guide's reach and 112.
 */
async function setNation(input: HandlerInput): Promise<Response> {
  const place = placeNamed(input);
  const { entry: entryId, page, topic, nation: readIn } = conversationOf(input);
  const entry = entryById(entryId);
  const forAnswer = entry !== undefined && afterAnswer(input, topic, entry);
  if (!isNation(place)) {
    setOwnedSessionAttribute(input, ASKED_AFTER_ANSWER, forAnswer ? true : undefined);
    const { lines, close } = notANation(place);
    return respond(input, { topic: null, lines, close });
  }
  setOwnedSessionAttribute(input, ASKED_AFTER_ANSWER, undefined);
  const lines = await changeNation(input);
  // Only the answer just given, read to its end or just asked about has a note to give now; one
  // left earlier goes on in this nation's layout when "more" takes it up.
  if (!entry || !forAnswer) {
    keepPlace(input, viewFor(input, readIn));
    return respond(input, { topic: null, lines, close: 'question' });
  }
  const reading = page < pageCount(input, entry, readIn);
  // The nation the answer is read for already ("Wales" after "England"): confirmed, and the place
  // kept; read to its end, on its last part, so the answer is still the one a nation named next is for.
  if (place === readIn) {
    const at = Math.min(page, pageCount(input, entry, place) - 1);
    return respond(input, {
      topic: null,
      lines: entry.whole ? beforeDangerAnswer(lines) : lines,
      close: closeAt(input, entry, at, place),
      position: { entry: entry.id, page: at, nation: place, heard: heardBefore(input, entry) },
    });
  }
  const note = entry.nations[place];
  // Going on in this nation's layout leaves out what was heard in the one before, so nothing is said twice.
  const heard = heardSoFar(input, entry, viewFor(input, readIn), page, 'through page');
  // The page of the part being read, in this nation's layout: said again whole; any other page
  // leaves out what was heard.
  const partAgain = placeIn(entry, viewFor(input, readIn), viewFor(input, place), page, 'first');
  const from = (next: number) => speakPage(input, entry, next, place, { leadIn: lines, heard, leaveOutHeard: next !== partAgain });
  let at = page;
  if (!note) {
    const unheard = nationPlace(input, entry, place, heard).next;
    // "And in Wales?" in the middle of an answer with nothing of Wales's own: the part being read,
    // again, as it is said there, rather than a claim that nothing differs (later parts may say so);
    // but where a part not heard yet comes before it in this layout, from that part, so none is skipped.
    if (reading && unheard >= 0) return from(Math.min(unheard, partAgain));
    // Read to its end: confirmed, and where the nation words a part its own way, "more" gives it;
    // with nothing left not heard, confirmed only.
    at = (unheard < 0 ? pageCount(input, entry, place) : unheard) - 1;
  }
  let sayNote = false;
  if (note) {
    const { next, notePage, noteHeard } = nationPlace(input, entry, place, heard, note);
    // Where the nation words the next page its own way too, or its note is still to come, that page,
    // as the nation hears it: the note in its turn, once, and nothing skipped.
    if (reading && next >= 0 && notePage >= next) return from(next);
    // Otherwise the note alone (unless it was heard already), and "more" goes on with the first part not heard.
    at = (next < 0 ? pageCount(input, entry, place) : next) - 1;
    sayNote = !noteHeard;
  }
  return respond(input, {
    topic: sayNote ? entry.topic : null,
    lines: [...(entry.whole ? beforeDangerAnswer(lines) : lines), ...(note && sayNote ? [{ key: note.key }] : [])],
    ...(sayNote ? { cardTitleKey: entry.titleKey } : {}),
    close: closeAt(input, entry, at, place, heard),
    position: { entry: entry.id, page: at, nation: place, heard },
  });
}

/** "Yes" to "Northern Ireland, or the Republic?", or to where the user is with no answer to go on with: which one, asked again. */
export function askWhichNation(input: HandlerInput): Response {
  const offer = conversationOf(input).last?.offer;
  return respond(input, { topic: null, lines: [{ key: 'nations.whichOne' }], close: offer === 'whichIreland' ? 'whichIreland' : 'nation' });
}

/** "No" to being asked where you are: all right, as any "no", and the answer carries on where it was. */
export function declineNation(input: HandlerInput): Response {
  const { entry: entryId, page, nation } = conversationOf(input);
  const entry = entryById(entryId);
  // "No" may come with words of danger that were not caught: 999 first, as every other "no" has it.
  return respond(input, { topic: null, lines: [{ key: 'yesNo.noThanks' }, IN_DANGER_NOW], close: entry ? closeAt(input, entry, page, nation) : 'question' });
}

export const nationHandler = forIntents([SET_NATION_INTENT], setNation);
