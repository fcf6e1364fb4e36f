/**
 * `npm run nlu-annotations`: the annotation set for Amazon's NLU evaluation of the deployed model,
 * generated from the dev evaluation sets (tests/fixtures/utterances.dev.jsonl, and the opening turn
 * of each rehearsal in tests/fixtures/rehearsal.dev.jsonl). Writes dist/nlu/annotations.dev.json in
 * the JSON format of the NLU Evaluation Tool; README, Deploy, shows how to run the evaluation.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { INTENT_OF_TOPIC } from '../lambda/guidance';
import { speakDigits } from '../simulator/understanding/normalise';
import { PROJECT_ROOT } from './projectRoot';

export const ANNOTATIONS_FILE = join(PROJECT_ROOT, 'dist/nlu/annotations.dev.json');

/** Each dev-set topic and the intent the interaction model gives it (from the guidance data). */
export { INTENT_OF_TOPIC };

export interface Annotation {
  readonly inputs: { readonly utterance: string };
  readonly expected: readonly [{ readonly intent: { readonly name: string } }];
}


/**
 * The utterance as Alexa's speech recognition would hand it to the model: words only, lower case,
 * numbers spoken, no punctuation but apostrophes (the NLU evaluation rejects digits and symbols
 * just as sample utterances do).
 */
export function spokenForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, (digits) => ` ${speakDigits(digits)} `)
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const readJsonLines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Record<string, unknown>);

/** One annotation per distinct utterance, in the order of the dev sets. */
export function annotationsFrom(utterancesFile: string, rehearsalsFile: string): Annotation[] {
  const pairs: [string, string][] = [];
  for (const row of readJsonLines(utterancesFile)) {
    const topic = String(row.topic);
    const intent = INTENT_OF_TOPIC[topic];
    if (!intent) throw new Error(`No intent for topic "${topic}" (utterance "${String(row.utterance)}")`);
    pairs.push([String(row.utterance), intent]);
  }
  // A rehearsal's first turn starts it; the moves after that are answered inside rehearsal mode,
  // where what the skill does depends on the scene, so they are not single-utterance annotations.
  for (const row of readJsonLines(rehearsalsFile)) {
    const turns = row.turns as string[];
    const expect = row.expect as string[];
    if (expect[0] === 'start' && turns[0]) pairs.push([turns[0], INTENT_OF_TOPIC.rehearse as string]);
  }
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  for (const [text, name] of pairs) {
    const utterance = spokenForm(text);
    if (!utterance || seen.has(utterance)) continue;
    seen.add(utterance);
    annotations.push({ inputs: { utterance }, expected: [{ intent: { name } }] });
  }
  return annotations;
}

if (require.main === module) {
  const fixtures = join(PROJECT_ROOT, 'tests/fixtures');
  const annotations = annotationsFrom(join(fixtures, 'utterances.dev.jsonl'), join(fixtures, 'rehearsal.dev.jsonl'));
  const model = JSON.parse(readFileSync(join(PROJECT_ROOT, 'interactionModels/custom/en-GB.json'), 'utf8')) as { interactionModel: { languageModel: { intents: { name: string }[] } } };
  const known = new Set(model.interactionModel.languageModel.intents.map((intent) => intent.name));
  const unknown = [...new Set(annotations.map((a) => a.expected[0].intent.name))].filter((name) => !known.has(name));
  if (unknown.length > 0) console.error(`Warning: not in the interaction model yet (those annotations will fail): ${unknown.join(', ')}`);
  mkdirSync(dirname(ANNOTATIONS_FILE), { recursive: true });
  writeFileSync(ANNOTATIONS_FILE, `${JSON.stringify({ data: annotations }, null, 2)}\n`);
  console.log(`${relative(PROJECT_ROOT, ANNOTATIONS_FILE)}: ${annotations.length} annotations`);
}
