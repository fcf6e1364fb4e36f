import MiniSearch from 'minisearch';
import type { InteractionModel } from '../interactionModel';
import { normalise } from './normalise';
import { SlotFinder } from './slots';
import { trainingExamples } from './trainingData';
import { FALLBACK_INTENT, type Understanding, type Understood } from './types';

export interface MinisearchOptions {
  /** How many nearest samples vote. */
  readonly neighbours: number;
  /** Below this share of the vote the request goes to the fallback intent. */
  readonly threshold: number;
}

/** Nearest samples by BM25 (with fuzzy and prefix matching), voting for their intents. */
export function createMinisearchUnderstanding(model: InteractionModel, options: MinisearchOptions): Understanding {
  const slots = new SlotFinder(model);
  const examples = trainingExamples(model, slots).map((e, id) => ({ id, ...e }));
  const index = new MiniSearch<{ id: number; text: string; intent: string }>({
    fields: ['text'],
    storeFields: ['intent'],
    searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });
  index.addAll(examples);
  return {
    async understand(said: string): Promise<Understood> {
      const text = normalise(said);
      const hits = text ? index.search(text).slice(0, options.neighbours) : [];
      const votes = new Map<string, number>();
      let total = 0;
      for (const hit of hits) {
        const intent = String(hit.intent);
        votes.set(intent, (votes.get(intent) ?? 0) + hit.score);
        total += hit.score;
      }
      const [best, weight] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [FALLBACK_INTENT, 0];
      const score = total > 0 ? weight / total : 0;
      const intent = score < options.threshold ? FALLBACK_INTENT : best;
      return { intent, slots: slots.slotsFor(intent, text), score };
    },
  };
}
