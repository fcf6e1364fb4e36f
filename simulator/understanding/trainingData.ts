import type { InteractionModel } from '../interactionModel';
import { SlotFinder } from './slots';

export interface Example { readonly text: string; readonly intent: string }

/** Every sample of the model as a training example, slot references expanded. */
export function trainingExamples(model: InteractionModel, slots: SlotFinder): Example[] {
  return model.intents.flatMap((intent) =>
    intent.samples.flatMap((sample) => slots.expandSample(intent.name, sample).map((text) => ({ text, intent: intent.name }))));
}
