import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { entryById, isNation, NATION_SLOT, placeForSlotId, type Nation, type Place } from '../guidance';
import type { Line } from '../speech/ssml';
import { closeAt, knownNation } from './support/guidanceAnswer';
import { forIntents } from './support/matchers';
import { respond, type Close } from './support/respond';
import { conversationOf } from './support/session';
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

/** Only the UK's law is here: for anywhere else, the emergency number in Europe, and nothing more. */
export const OUTSIDE_UK: Line = { key: 'nations.outsideUk' };

/** "Ireland" may mean the Republic, which the guide does not cover: asked again. */
const IRELAND: Line = { key: 'nations.ireland' };
const NOT_CAUGHT: Line = { key: 'nations.notCaught' };

/** What naming a place says, wherever it is said (a scene carries on after it). */
export async function changeNation(input: HandlerInput): Promise<Line[]> {
  const place = placeNamed(input);
  if (place === 'outside_uk') return [OUTSIDE_UK];
  if (!isNation(place)) return [place === 'ireland' ? IRELAND : NOT_CAUGHT, { key: place === 'ireland' ? 'offers.whichIreland.ask' : 'offers.nation.ask' }];
  const saved = await rememberNation(input, place);
  return [{ key: `nations.confirm.${place}` }, ...(saved ? [] : [{ key: 'preferences.notSaved' }])];
}

/**
 * "I'm in Scotland", or a bare "Scotland" after an answer asked: confirmed and remembered, and the
 * answer being read gives that nation's note now, then carries on where it was. "Ireland" is asked
 * again; a place outside the UK gets the guide's reach and 112.
 */
async function setNation(input: HandlerInput): Promise<Response> {
  const place = placeNamed(input);
  const state = conversationOf(input);
  const entry = entryById(state.entry);
  if (!isNation(place)) {
    const close: Close = place === 'outside_uk' ? 'anythingElse' : place === 'ireland' ? 'whichIreland' : 'nation';
    const line = place === 'outside_uk' ? OUTSIDE_UK : place === 'ireland' ? IRELAND : NOT_CAUGHT;
    return respond(input, { topic: null, lines: [line], close });
  }
  const lines = await changeNation(input);
  if (!entry) return respond(input, { topic: null, lines, close: 'question' });
  const note = entry.nations[place];
  const page = state.page;
  return respond(input, {
    topic: note ? entry.topic : null,
    lines: [...lines, ...(note ? [{ key: note.key }] : [])],
    ...(note ? { cardTitleKey: entry.titleKey } : {}),
    close: closeAt(input, entry, page, place),
    position: { entry: entry.id, page, nation: place },
  });
}

export const nationHandler = forIntents([SET_NATION_INTENT], setNation);
