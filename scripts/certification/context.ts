import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLogSink } from '../../lambda/observability/log';
import { buildSkill } from '../../lambda/skill';
import type { SkillHandler } from '../../simulator/conversation';
import { loadInteractionModel, type InteractionModel } from '../../simulator/interactionModel';
import { createUnderstanding, type Understanding } from '../../simulator/understanding';
import type { PublishingUrls } from '../build/publishingUrls';

export type Json = Record<string, unknown>;

/** The interaction model file's language model, as Alexa reads it. */
export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: readonly { name: string; samples?: string[]; slots?: { name: string; type: string; samples?: string[] }[] }[];
  readonly types?: readonly { name: string; values: { id?: string; name: { value: string; synonyms?: string[] } }[] }[];
}

/** The manifest's fields the checks read, per published locale. */
export interface LocaleInfo {
  readonly name?: unknown;
  readonly summary?: unknown;
  readonly description?: unknown;
  readonly examplePhrases?: unknown;
  readonly keywords?: unknown;
  readonly smallIconUri?: unknown;
  readonly largeIconUri?: unknown;
}

/** Everything a check looks at: the files as they would be submitted, and the skill to talk to. */
export interface Submission {
  readonly root: string;
  readonly manifest: Json;
  readonly languageModels: Readonly<Record<string, LanguageModel>>;
  /** The model the simulator learns from (the en-GB one). */
  readonly model: InteractionModel;
  readonly handler: SkillHandler;
  /** The local understanding trained from the model, made on first use (training takes a while). */
  readonly understanding: () => Promise<Understanding>;
  readonly urls: PublishingUrls;
}

export const publishedLocales = (manifest: Json): Record<string, LocaleInfo> =>
  (((manifest.manifest as Json | undefined)?.publishingInformation as Json | undefined)?.locales ?? {}) as Record<string, LocaleInfo>;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The submission in `root`, talking to the skill as Lambda builds it (with no store: nothing is kept). */
export function submissionIn(root: string, urls: PublishingUrls = {}): Submission {
  const manifest = readJson<Json>(join(root, 'skill.json'));
  const languageModels = Object.fromEntries(Object.keys(publishedLocales(manifest)).map((locale) => [
    locale,
    readJson<{ interactionModel: { languageModel: LanguageModel } }>(join(root, 'interactionModels', 'custom', `${locale}.json`)).interactionModel.languageModel,
  ]));
  const model = loadInteractionModel(join(root, 'interactionModels', 'custom', 'en-GB.json'));
  // One JSON line per request would bury the report.
  setLogSink(() => undefined);
  const skill = buildSkill({});
  let understanding: Promise<Understanding> | undefined;
  return {
    root,
    manifest,
    languageModels,
    model,
    handler: (event) => skill.invoke(event) as ReturnType<SkillHandler>,
    understanding: () => (understanding ??= createUnderstanding(model)),
    urls,
  };
}

/** One certification check: what it is, and what is wrong (nothing, when it passes). */
export interface Check {
  readonly name: string;
  readonly run: (submission: Submission) => string[] | Promise<string[]>;
}
