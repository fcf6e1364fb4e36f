import { join } from 'node:path';
import { loadInteractionModel, type InteractionModel } from '../interactionModel';
import { createFastTextUnderstanding } from './fasttext';
import { createMinisearchUnderstanding } from './minisearch';
import { createNlpjsUnderstanding } from './nlpjs';
import type { Understanding } from './types';

export type { Understanding, Understood, FilledSlot } from './types';
export { FALLBACK_INTENT } from './types';

export const UNDERSTANDING_KINDS = ['fasttext', 'nlpjs', 'minisearch'] as const;
export type UnderstandingKind = (typeof UNDERSTANDING_KINDS)[number];

/** Chosen by measuring both on the dev set and on questions worded differently (see README). */
export const DEFAULT_UNDERSTANDING: UnderstandingKind = 'fasttext';

export const NLU_CACHE_DIR = join(__dirname, '..', '..', '.simulator', 'nlu-cache');

export function createUnderstanding(
  kind: UnderstandingKind = DEFAULT_UNDERSTANDING,
  model: InteractionModel = loadInteractionModel(),
): Promise<Understanding> {
  switch (kind) {
    case 'fasttext':
      return createFastTextUnderstanding(model, { threshold: 0, cacheDir: NLU_CACHE_DIR });
    case 'nlpjs':
      return createNlpjsUnderstanding(model, { threshold: 0.5, cacheDir: NLU_CACHE_DIR });
    case 'minisearch':
      return Promise.resolve(createMinisearchUnderstanding(model, { neighbours: 7, threshold: 0.4 }));
  }
}
