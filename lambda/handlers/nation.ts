import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { entryById, isNation, NATION_SLOT, placeForSlotId, type GuidanceEntry, type GuidancePart, type Nation, type Place } from '../guidance';
import type { Line } from '../speech/ssml';
import { answerJustSaid, closeAt, knownNation, pagesAsRead, placeIn, speakPage, viewFor } from './support/guidanceAnswer';
import { forIntents } from './support/matchers';
import { respond, type Close } from './support/respond';
import { conversationOf } from './support/session';
import { IN_DANGER_NOW } from './support/safetyNet';
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
 * confirmed and remembered, or what is said for anywhere else, with its question said as a line.
 */
export async function changeNation(input: HandlerInput): Promise<Line[]> {
  const place = placeNamed(input);
  if (!isNation(place)) {
    const { lines, close } = notANation(place);
    return [...lines, ...(close === 'anythingElse' ? [] : [{ key: `offers.${close}.ask` }])];
  }
  const saved = await rememberNation(input, place);
  return [{ key: `nations.confirm.${place}` }, ...(saved ? [] : [{ key: 'preferences.notSaved' }])];
}

/**
 * Just after an answer, which page of it to say as the named nation hears it, or null when its note
 * alone is right (reading is past it, or it is all that page adds to what was heard). The note is
 * given now only where nothing is skipped or said twice: with no note ("and in Wales?"), the part
 * being read again rather than a claim that nothing differs; with the note on that page beside
 * other wording of the nation's, that page again; with the note on the next page, that page; with
 * the note further on, the part being read again, and the note in its turn.
 */
function nationPageNow(input: HandlerInput, heard: { entry: GuidanceEntry; page: number; nation: Nation | null }, place: Nation, note: GuidancePart | undefined): number | null {
  const reading = placeIn(heard.entry, viewFor(input, heard.nation), viewFor(input, place), heard.page, 'first');
  if (!note) return reading;
  const pages = pagesAsRead(input, heard.entry, place);
  const notePage = pages.findIndex((parts) => parts.some((p) => p.key === note.key));
  if (notePage < reading) return null;
  if (notePage === reading + 1) return notePage;
  if (notePage > reading) return reading;
  const wasHeard = new Set((pagesAsRead(input, heard.entry, heard.nation)[heard.page] ?? []).map((p) => p.key));
  const alsoNew = (pages[reading] ?? []).some((p) => p.key !== note.key && !p.framing && !wasHeard.has(p.key));
  return alsoNew ? reading : null;
}

/**
 * "I'm in Scotland", or a bare "Scotland" after an answer asked: confirmed and remembered, and the
 * answer being read gives that nation's note now (or, with none, says its part again as that nation
 * hears it), then carries on where it was. "Ireland" is asked again; a place outside the UK gets
 * the guide's reach and 112.
 */
async function setNation(input: HandlerInput): Promise<Response> {
  const place = placeNamed(input);
  if (!isNation(place)) {
    const { lines, close } = notANation(place);
    return respond(input, { topic: null, lines, close });
  }
  const heard = answerJustSaid(input);
  const lines = await changeNation(input);
  const { entry: entryId, page, topic, nation: readIn } = conversationOf(input);
  const entry = entryById(entryId);
  // Only the answer just given (or just read to its end) has a note to give now.
  if (!entry || (!heard && topic !== entry.topic)) return respond(input, { topic: null, lines, close: 'question' });
  const note = entry.nations[place];
  if (heard) {
    const page = nationPageNow(input, heard, place, note);
    if (page !== null) return speakPage(input, heard.entry, page, place, lines);
  }
  // Otherwise the note alone, and "more" goes on with the first part not heard yet, in the nation's layout.
  const at = note ? placeIn(entry, viewFor(input, readIn), viewFor(input, place), page, 'after', [note]) - 1 : page;
  return respond(input, {
    topic: note ? entry.topic : null,
    lines: [...lines, ...(note ? [{ key: note.key }] : [])],
    ...(note ? { cardTitleKey: entry.titleKey } : {}),
    close: closeAt(input, entry, at, place),
    position: { entry: entry.id, page: at, nation: place },
  });
}

/** "Yes" to "Northern Ireland, or the Republic?", or to where the user is with no answer to go on with: which one, asked again. */
export function askWhichNation(input: HandlerInput): Response {
  const offer = conversationOf(input).last?.offer;
  return respond(input, { topic: null, lines: [{ key: 'nations.whichOne' }], close: offer === 'whichIreland' ? 'whichIreland' : 'nation' });
}

/** "No" to being asked where you are: that's fine, and the answer carries on where it was. */
export function declineNation(input: HandlerInput): Response {
  const { entry: entryId, page, nation } = conversationOf(input);
  const entry = entryById(entryId);
  return respond(input, { topic: null, lines: [{ key: 'nations.noMatter' }], close: entry ? closeAt(input, entry, page, nation) : 'question' });
}

export const nationHandler = forIntents([SET_NATION_INTENT], setNation);
