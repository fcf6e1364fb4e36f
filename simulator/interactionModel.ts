import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ModelSlot { readonly name: string; readonly type: string }
interface ModelIntent { readonly name: string; readonly samples: readonly string[]; readonly slots: readonly ModelSlot[] }
interface SlotValue { readonly id: string; readonly value: string; readonly synonyms: readonly string[] }
interface SlotType { readonly name: string; readonly values: readonly SlotValue[] }
export interface InteractionModel {
  readonly invocationName: string;
  readonly intents: readonly ModelIntent[];
  readonly types: readonly SlotType[];
}

const MODEL_PATH = join(__dirname, '..', 'interactionModels', 'custom', 'en-GB.json');

interface RawModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; samples?: string[]; slots?: ModelSlot[] }[];
      types?: { name: string; values: { id?: string; name: { value: string; synonyms?: string[] } }[] }[];
    };
  };
}

/** Reads the interaction model file: the one list of utterances both Alexa and the simulator learn from. */
export function loadInteractionModel(path: string = MODEL_PATH): InteractionModel {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawModel;
  const lm = raw.interactionModel.languageModel;
  return {
    invocationName: lm.invocationName,
    intents: lm.intents.map((i) => ({ name: i.name, samples: i.samples ?? [], slots: i.slots ?? [] })),
    types: (lm.types ?? []).map((t) => ({
      name: t.name,
      values: t.values.map((v) => ({ id: v.id ?? v.name.value, value: v.name.value, synonyms: v.name.synonyms ?? [] })),
    })),
  };
}
