import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InteractionModel } from '../interactionModel';
import { normalise } from './normalise';
import { SlotFinder } from './slots';
import { trainingExamples } from './trainingData';
import { FALLBACK_INTENT, type Understanding, type Understood } from './types';

// nlp.js ships no type declarations; this is the part of its API used here.
interface NlpProcessResult { intent: string; score: number }
interface Nlp {
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<NlpProcessResult>;
  export(minified?: boolean): string;
  import(data: string): void;
}
interface Dock { get(name: 'nlp'): Nlp }
// @nlpjs/basic's loader, given Basic's plugins but its pino logger, which warns on load that its
// prettyPrint option is deprecated (the container's own logger stays silent with log off).
const { dockStart } = require('@nlpjs/core-loader') as { dockStart(settings: unknown): Promise<Dock> };
const BASIC_WITHOUT_PINO = ['Evaluator', 'JavascriptCompiler', 'Nlp', 'Template'];

export interface NlpjsOptions {
  /** Below this score the request goes to the fallback intent, as Alexa's would. */
  readonly threshold: number;
  /** Where trained models are cached, keyed by the model's content; null disables caching. */
  readonly cacheDir: string | null;
}

/** nlp.js: a small neural classifier over stemmed words, trained from the interaction model. */
export async function createNlpjsUnderstanding(model: InteractionModel, options: NlpjsOptions): Promise<Understanding> {
  const slots = new SlotFinder(model);
  const examples = trainingExamples(model, slots);
  const dock = await dockStart({
    use: BASIC_WITHOUT_PINO,
    settings: { nlp: { autoSave: false, autoLoad: false, log: false, forceNER: false, nlu: { log: false } } },
  });
  const nlp = dock.get('nlp');
  nlp.addLanguage('en');
  const hash = createHash('sha256').update(JSON.stringify(examples)).digest('hex').slice(0, 16);
  const cacheFile = options.cacheDir ? join(options.cacheDir, `nlpjs-${hash}.json`) : null;
  if (cacheFile && existsSync(cacheFile)) {
    nlp.import(readFileSync(cacheFile, 'utf8'));
  } else {
    for (const example of examples) nlp.addDocument('en', example.text, example.intent);
    await nlp.train();
    if (cacheFile && options.cacheDir) {
      mkdirSync(options.cacheDir, { recursive: true });
      writeFileSync(cacheFile, nlp.export(true));
    }
  }
  return {
    async understand(said: string): Promise<Understood> {
      const text = normalise(said);
      const result = text ? await nlp.process('en', text) : { intent: 'None', score: 0 };
      const intent = result.intent === 'None' || result.score < options.threshold ? FALLBACK_INTENT : result.intent;
      return { intent, slots: slots.slotsFor(intent, text), score: result.score };
    },
  };
}
