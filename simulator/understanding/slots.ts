import type { InteractionModel } from '../interactionModel';
import type { FilledSlot } from './types';
import { normalise } from './normalise';

/** Synonyms each slot-naming sample is also expanded with: enough that every synonym is seen in a sentence. */
const SYNONYMS_PER_SAMPLE = 3;

interface Phrase { readonly words: string; readonly id: string; readonly type: string }

/**
 * Entity resolution for custom slot types, as Alexa does it: finds a slot value or one of its
 * synonyms in what was said and reports the value's id. For training, a sample that names a slot
 * ({nation}) is expanded once per slot value, so the classifier learns the sentence, not the place,
 * and with a few synonyms, each sample taking the next ones, so that synonyms ("glasgow", "the high
 * street one") are learnt too, as Alexa learns them, while each sample still weighs about what it did.
 */
export class SlotFinder {
  private readonly phrases: Phrase[];
  private readonly typeOfSlot: Map<string, Map<string, string>>;
  private readonly valuesOfType: Map<string, string[]>;
  private readonly synonymsOfType: Map<string, string[]>;
  private readonly synonymTurn = new Map<string, number>();

  constructor(model: InteractionModel) {
    this.phrases = model.types
      .flatMap((t) => t.values.flatMap((v) => [v.value, ...v.synonyms].map((w) => ({ words: normalise(w), id: v.id, type: t.name }))))
      .filter((p) => p.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    this.typeOfSlot = new Map(model.intents.map((i) => [i.name, new Map(i.slots.map((s) => [s.name, s.type]))]));
    this.valuesOfType = new Map(model.types.map((t) => [t.name, t.values.map((v) => v.value)]));
    this.synonymsOfType = new Map(model.types.map((t) => [t.name, t.values.flatMap((v) => v.synonyms)]));
  }

  /** The training sentences for one sample of an intent. */
  expandSample(intent: string, sample: string): string[] {
    const refs = [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    if (refs.length === 0) return [normalise(sample)];
    const slots = this.typeOfSlot.get(intent) ?? new Map<string, string>();
    let texts = [sample];
    for (const ref of new Set(refs)) {
      const type = slots.get(ref) ?? '';
      const synonyms = this.synonymsOfType.get(type) ?? [];
      const turn = this.synonymTurn.get(type) ?? 0;
      const taken = Math.min(SYNONYMS_PER_SAMPLE, synonyms.length);
      this.synonymTurn.set(type, turn + taken);
      const values = [...(this.valuesOfType.get(type) ?? [ref]), ...Array.from({ length: taken }, (_, k) => synonyms[(turn + k) % synonyms.length] as string)];
      texts = texts.flatMap((text) => values.map((v) => text.split(`{${ref}}`).join(v)));
    }
    return texts.map(normalise);
  }

  /** The slots an intent declares, filled from the words said. */
  slotsFor(intent: string, text: string): Record<string, FilledSlot> {
    const slots: Record<string, FilledSlot> = {};
    const padded = ` ${text} `;
    for (const [name, type] of this.typeOfSlot.get(intent) ?? []) {
      const hit = this.phrases.find((p) => p.type === type && padded.includes(` ${p.words} `));
      if (hit) slots[name] = { value: hit.words, id: hit.id };
    }
    return slots;
  }
}
