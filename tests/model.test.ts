import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDANCE } from '../lambda/guidance';
import { loadInteractionModel } from '../simulator/interactionModel';
import { normalise } from '../simulator/understanding/normalise';
import { handler } from '../lambda/index';
import { intent } from './support/requests';
import { buildEnvelope, newSession } from '../simulator/envelope';

const model = loadInteractionModel();
const skillJson = JSON.parse(readFileSync(join(__dirname, '..', 'skill.json'), 'utf8'));
// The dev sets and the differently worded question sets measure understanding of words the model
// has not seen. (The differently worded rehearsal scripts are left out: stock commands such as
// "say again" are rightly samples, and a script needs them.)
const devSentences = ['utterances.dev.jsonl', 'rehearsal.dev.jsonl', ...['a', 'b', 'c', 'd', 'e'].map((set) => `paraphrases.${set}.jsonl`)].flatMap((file) =>
  readFileSync(join(__dirname, 'fixtures', file), 'utf8').split('\n').filter(Boolean).flatMap((line) => {
    const row = JSON.parse(line) as { utterance?: string; turns?: string[] };
    return row.utterance !== undefined ? [row.utterance] : row.turns ?? [];
  }));

const REQUIRED_BUILT_INS = [
  'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.FallbackIntent', 'AMAZON.NavigateHomeIntent',
  'AMAZON.RepeatIntent', 'AMAZON.NextIntent', 'AMAZON.PreviousIntent', 'AMAZON.StartOverIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent',
];

describe('the interaction model', () => {
  test('the invocation name is two or more words, says what the skill is, and is not misheard or official-sounding', () => {
    const name = model.invocationName;
    expect(name.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(name).toMatch(/^[a-z ]+$/);
    expect(name).not.toMatch(/\b(lone|loan|alexa|echo|skill|app|official|police|met|npcc)\b/);
    expect(name).toMatch(/officer/);
  });

  test('the display name in skill.json matches the invocation name', () => {
    const locale = skillJson.manifest.publishingInformation.locales['en-GB'];
    expect(locale.name.toLowerCase()).toBe(model.invocationName);
  });

  test('every required built-in intent is in the model', () => {
    const names = model.intents.map((i) => i.name);
    expect(REQUIRED_BUILT_INS.filter((n) => !names.includes(n))).toEqual([]);
  });

  test('each guidance entry has its intent in the model with at least 40 samples', () => {
    const samplesOf = (intent: string) => model.intents.find((i) => i.name === intent)?.samples.length ?? 0;
    const short = GUIDANCE.map((entry) => ({ intent: entry.intent, samples: samplesOf(entry.intent) })).filter(({ samples }) => samples < 40);
    expect(short).toEqual([]);
  });

  test('no sample appears in two intents, or twice in one', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const i of model.intents) {
      for (const s of i.samples) {
        const key = normalise(s);
        const other = seen.get(key);
        if (other) clashes.push(`"${s}" in ${other} and ${i.name}`);
        seen.set(key, i.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('no sentence of the dev or paraphrase sets is a sample', () => {
    const samples = new Set(model.intents.flatMap((i) => i.samples.map(normalise)));
    expect(devSentences.filter((s) => samples.has(normalise(s)))).toEqual([]);
  });

  test('samples follow Alexa\'s rules: lower case, no digits, no punctuation but apostrophes and periods', () => {
    const bad = model.intents.flatMap((i) => i.samples.filter((s) => !/^[a-z' .{}]+$/.test(s) || s.length > 200 || /\{(?!(?:nation|scene)\})/.test(s)));
    expect(bad).toEqual([]);
  });

  test('every slot a sample names is declared by its intent', () => {
    const bad = model.intents.flatMap((i) => i.samples.flatMap((s) =>
      [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((slot) => !i.slots.some((d) => d.name === slot)).map((slot) => `${i.name}: {${slot}}`)));
    expect(bad).toEqual([]);
  });
});

describe('model and code agree', () => {
  test('every intent in the model is handled by something other than the error handler', async () => {
    const unhandled: string[] = [];
    for (const i of model.intents) {
      const r = await handler(buildEnvelope(intent(i.name, {}, i.slots.map((s) => s.name)), newSession()));
      const speech = r.response.outputSpeech?.type === 'SSML' ? r.response.outputSpeech.ssml : '';
      if (/Sorry, I missed that/.test(speech)) unhandled.push(i.name);
    }
    expect(unhandled).toEqual([]);
  });

  test('every intent the code handles is in the model', () => {
    const names = new Set(model.intents.map((i) => i.name));
    const sources = ['handlers'].map((dir) => join(__dirname, '..', 'lambda', dir));
    const handled = sources.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/'((?:AMAZON\.)?[A-Z]\w+Intent)'/g)].map((m) => m[1] as string)));
    const fromGuidance = GUIDANCE.map((e) => e.intent);
    expect([...handled, ...fromGuidance].filter((n) => !names.has(n))).toEqual([]);
  });
});
