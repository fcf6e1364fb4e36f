import { GUIDANCE } from './topics';
import type { GuidanceEntry, GuidancePart, Nation } from './types';

export type { GuidanceEntry, GuidancePart, Nation } from './types';
export { TOPIC_IDS } from './types';
export { GUIDANCE } from './topics';

const byId = new Map(GUIDANCE.map((entry) => [entry.id, entry]));
const byIntent = new Map(GUIDANCE.map((entry) => [entry.intent, entry]));

export const entryById = (id: string | null): GuidanceEntry | undefined => (id ? byId.get(id) : undefined);
export const entryForIntent = (intent: string): GuidanceEntry | undefined => byIntent.get(intent);

const NATION_POINTERS: Record<string, GuidancePart> = {
  both: { key: 'nations.pointer', rows: [], framing: true },
  scotland: { key: 'nations.pointerScotland', rows: [], framing: true },
  northern_ireland: { key: 'nations.pointerNorthernIreland', rows: [], framing: true },
};

function pointerFor(entry: GuidanceEntry): GuidancePart | null {
  const nations = Object.keys(entry.nations) as Nation[];
  if (nations.length === 0) return null;
  if (nations.length === 2) return NATION_POINTERS.both ?? null;
  return NATION_POINTERS[nations[0] as Nation] ?? null;
}

/**
 * The pages of an entry in the order they are spoken: the summary first, then each detail page,
 * then a page on Scotland and Northern Ireland where the law differs. When the user named a nation
 * that differs, its note joins the first page instead of waiting for "more".
 */
export function pagesOf(entry: GuidanceEntry, nation: Nation | null = null): (readonly GuidancePart[])[] {
  const named = nation ? entry.nations[nation] : undefined;
  const rest = (Object.entries(entry.nations) as [Nation, GuidancePart][])
    .filter(([n]) => n !== nation)
    .map(([, part]) => part);
  const pointer = named ? null : pointerFor(entry);
  const first = [...entry.summary, ...(named ? [named] : pointer ? [pointer] : [])];
  return [first, ...entry.detail, ...(rest.length ? [rest] : [])];
}
