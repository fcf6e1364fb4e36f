import { join } from 'node:path';
import { loadInteractionModel, type InteractionModel } from '../interactionModel';
import { createFastTextUnderstanding } from './fasttext';
import type { Understanding } from './types';

export type { Understanding, FilledSlot } from './types';

/** Where trained models are kept, keyed by their samples and settings. */
const NLU_CACHE_DIR = join(__dirname, '..', '..', '.simulator', 'nlu-cache');

/** The simulator's understanding: fastText trained from the interaction model (see docs/understanding.md). */
export function createUnderstanding(model: InteractionModel = loadInteractionModel()): Promise<Understanding> {
  return createFastTextUnderstanding(model, { threshold: 0, cacheDir: NLU_CACHE_DIR });
}
