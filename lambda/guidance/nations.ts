import type { Nation } from './types';

/** The slot of the guidance intents that names a nation (of slot type NATION). */
export const NATION_SLOT = 'nation';

/**
 * What each value of the NATION slot means for the answers: the nation whose law differs, read
 * first; or null where the guidance's own law (England and Wales) applies.
 */
export const NATION_SLOT_IDS: Readonly<Record<string, Nation | null>> = {
  england_wales: null,
  scotland: 'scotland',
  northern_ireland: 'northern_ireland',
};

/** The nation a NATION slot id names, or null for England and Wales, no value, or a value the skill does not know. */
export const nationForSlotId = (id: string | null): Nation | null =>
  (id !== null && Object.prototype.hasOwnProperty.call(NATION_SLOT_IDS, id) ? NATION_SLOT_IDS[id] ?? null : null);
