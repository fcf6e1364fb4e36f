import { STORED_NATIONS } from '../persistence/preferences';
import { GUIDANCE } from './topics';
import type { GuidanceEntry, GuidancePart, Nation } from './types';

export type { GuidanceEntry, GuidancePart, Nation, TopicId } from './types';
export { CONVERSATION_TOPICS, GUIDANCE, INTENT_OF_TOPIC, TOPIC_IDS } from './topics';
export { NATION_SLOT, NATION_SLOT_IDS, differsByNation, isNation, placeForSlotId, type Place } from './nations';

const byId = new Map(GUIDANCE.map((entry) => [entry.id, entry]));
const byIntent = new Map(GUIDANCE.map((entry) => [entry.intent, entry]));

export const entryById = (id: string | null): GuidanceEntry | undefined => (id ? byId.get(id) : undefined);
export const entryForIntent = (intent: string): GuidanceEntry | undefined => byIntent.get(intent);

function required(entry: GuidanceEntry | undefined, what: string): GuidanceEntry {
  if (!entry) throw new Error(`the guidance has no ${what}`);
  return entry;
}

/** The answer the skill is for: what to do when a lone officer stops you (the steps a scene practises). */
export const MAIN_ENTRY: GuidanceEntry = required(byId.get('overview'), 'overview entry');

/** The answer real danger gets, in a practice as anywhere. */
export const DANGER_ENTRY: GuidanceEntry = required(GUIDANCE.find((entry) => entry.inRehearsal === 'real'), 'entry for real danger');

const NATION_POINTERS: Record<string, GuidancePart> = {
  both: { key: 'nations.pointer', rows: [], framing: true },
  scotland: { key: 'nations.pointerScotland', rows: [], framing: true },
  northern_ireland: { key: 'nations.pointerNorthernIreland', rows: [], framing: true },
};

/** While no nation is known: a pointer to where the law differs from England and Wales, if it does. */
function pointerFor(entry: GuidanceEntry): GuidancePart | null {
  const differ = (Object.keys(entry.nations) as Nation[]).filter((n) => n !== 'england_wales');
  if (differ.length === 0) return null;
  return (differ.length > 1 ? NATION_POINTERS.both : NATION_POINTERS[differ[0] as Nation]) ?? null;
}

/** The part as said in this nation: itself, its variant there, or nothing (a variant of null). */
function inNation(part: GuidancePart, nation: Nation | null): GuidancePart | null {
  if (!nation || !part.variants || !Object.prototype.hasOwnProperty.call(part.variants, nation)) return part;
  return part.variants[nation] ?? null;
}

/**
 * The pages of an entry in the order they are spoken, for a user in `nation` (null: not known).
 * With a nation known, its note is on the first page, right after the answer's lead (or where the
 * sentence it replaces was), and not again later; every part is said as that nation needs it. With
 * none known, the first page points to where the law differs. The other nations' notes not already
 * said come last.
 */
export function pagesOf(entry: GuidanceEntry, nation: Nation | null = null): (readonly GuidancePart[])[] {
  const note = nation ? entry.nations[nation] : undefined;
  const notSaidFirst = (part: GuidancePart) => part.key !== note?.key;
  const first = entry.summary.filter(notSaidFirst);
  if (note) {
    const replaced = note.replaces ? first.findIndex((part) => part.key === note.replaces) : -1;
    if (replaced >= 0) first.splice(replaced, 1, note);
    else first.splice(Math.min(1, first.length), 0, note);
  } else if (!nation) {
    const pointer = pointerFor(entry);
    if (pointer) first.push(pointer);
  }
  const pages = [first, ...entry.detail.map((page) => page.filter(notSaidFirst))];
  const said = new Set(pages.flat().map((part) => part.key));
  const others = (Object.entries(entry.nations) as [Nation, GuidancePart][])
    .filter(([n, part]) => n !== nation && !said.has(part.key))
    .map(([, part]) => part);
  return [...pages, others]
    .map((page) => page.flatMap((part) => inNation(part, nation) ?? []))
    .filter((page, at) => at === 0 || page.length > 0);
}

const partKeys = new Map(GUIDANCE.map((entry) => [entry.id, new Set([null, ...STORED_NATIONS].flatMap((nation) => pagesOf(entry, nation).flat().map((part) => part.key)))]));

/** Every key the entry's pages may say, in any nation's layout (what a session may claim was heard). */
export const partKeysOf = (entry: GuidanceEntry): ReadonlySet<string> => partKeys.get(entry.id) ?? new Set();
