import { STORED_NATIONS } from '../persistence/preferences';
import type { GuidanceEntry, Nation } from './types';

/** The slot that names where the user is (of slot type NATION), on SetNationIntent and the guidance intents. */
export const NATION_SLOT = 'nation';

/**
 * Where a NATION slot value puts the user: a UK nation whose law the guide gives; 'ireland', which
 * may mean Northern Ireland or the Republic, so it is asked again; or 'outside_uk', any other
 * country, for which the guide gives no law at all.
 */
export type Place = Nation | 'ireland' | 'outside_uk';

// The nations are the ones a user's preferences can store: one list, kept there.
const NATIONS: readonly Nation[] = STORED_NATIONS;

/** Every id of the NATION slot type. */
export const NATION_SLOT_IDS: readonly Place[] = [...NATIONS, 'ireland', 'outside_uk'];

/** The place a NATION slot id names, or null for no value or a value the skill does not know. */
export const placeForSlotId = (id: string | null): Place | null =>
  (NATION_SLOT_IDS as readonly (string | null)[]).includes(id) ? (id as Place) : null;

export const isNation = (x: unknown): x is Nation => (NATIONS as readonly unknown[]).includes(x);

/** True when the answer is not the same everywhere in the UK: some nation has a note of its own. */
export const differsByNation = (entry: GuidanceEntry): boolean => Object.keys(entry.nations).length > 0;
