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

const intentNamed = (name: string) => {
  const found = model.intents.find((i) => i.name === name);
  if (!found) throw new Error(`no intent ${name} in the model`);
  return found;
};
const samplesOf = (...names: string[]) => new Set(names.flatMap((n) => intentNamed(n).samples.map(normalise)));

// skill.json's example phrases without "Alexa, open/ask <invocation name>": Amazon checks that each is a sample.
const examplePhrases: string[] = (skillJson.manifest.publishingInformation.locales['en-GB'].examplePhrases as string[])
  .map((p) => normalise(p).replace(new RegExp(`^alexa (?:open|ask|tell) ${model.invocationName}\\s*`), ''))
  .filter(Boolean);

// What the skill tells people to say (lambda/locales/en-GB.json: launch, help, settings, offers, rehearsal
// instructions), and the intent that answers it. When those words change, change this list with them.
const OFFERED: ReadonlyArray<readonly [string, string]> = [
  ["let's practise", 'StartRehearsalIntent'],
  ['what to ask the officer', 'QuestionsToAskIntent'],
  ['how to check a warrant card', 'WarrantCardIntent'],
  ['how do i check an officer is real', 'CheckOfficerIsRealIntent'],
  ['what should i ask them', 'QuestionsToAskIntent'],
  ['what to ask a lone officer', 'QuestionsToAskIntent'],
  ["how to check they're real", 'CheckOfficerIsRealIntent'],
  ['how to check an officer is real', 'CheckOfficerIsRealIntent'],
  ['what to ask them', 'QuestionsToAskIntent'],
  ['more', 'AMAZON.MoreIntent'],
  ['say more', 'AMAZON.MoreIntent'],
  ['repeat', 'AMAZON.RepeatIntent'],
  ['say that again', 'AMAZON.RepeatIntent'],
  ['slower', 'SpeakSlowerIntent'],
  ['faster', 'SpeakFasterIntent'],
  ['short answers', 'ShortAnswersIntent'],
  ['full answers', 'FullAnswersIntent'],
  ['send it to my phone', 'SendToPhoneIntent'],
  ['forget me', 'ForgetMeIntent'],
  ['help', 'AMAZON.HelpIntent'],
  ['stop', 'AMAZON.StopIntent'],
  ['yes', 'AMAZON.YesIntent'],
  ["i don't know", 'DontKnowMoveIntent'],
  ['skip', 'AMAZON.NextIntent'],
  ['start again', 'AMAZON.StartOverIntent'],
  ['try another scene', 'StartRehearsalIntent'],
  ['how do i complain', 'AfterwardsIntent'],
];

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

  test('no sentence of the dev or paraphrase sets is a sample, but for the words the skill itself tells people to say', () => {
    const samples = new Set(model.intents.flatMap((i) => i.samples.map(normalise)));
    const told = new Set([...OFFERED.map(([phrase]) => phrase), ...examplePhrases].map(normalise));
    expect(devSentences.filter((s) => samples.has(normalise(s)) && !told.has(normalise(s)))).toEqual([]);
  });

  test('the words the skill tells people to say are samples, word for word, of the intent that answers them', () => {
    const missing = OFFERED.filter(([phrase, name]) => !intentNamed(name).samples.map(normalise).includes(normalise(phrase)));
    expect(missing).toEqual([]);
  });

  test("skill.json's example phrases are samples, word for word, of the intent they promise", () => {
    expect(examplePhrases.filter((phrase) => !samplesOf('CheckOfficerIsRealIntent', 'QuestionsToAskIntent').has(normalise(phrase)))).toEqual([]);
  });

  test('no sample has a digit, repeats within its intent, or names the skill or the wake word', () => {
    const bad = model.intents.flatMap((i) => i.samples.filter((s, k) =>
      /\d/.test(s) || i.samples.indexOf(s) !== k || s.includes(model.invocationName) || /^alexa\b/.test(s))
      .map((s) => `${i.name}: ${s}`));
    expect(bad).toEqual([]);
  });

  test('every id of the NATION and REHEARSAL_SCENE types is one the skill knows, and each is there', () => {
    const ids = (type: string) => model.types.find((t) => t.name === type)?.values.map((v) => v.id).sort();
    expect(ids('NATION')).toEqual(['england_wales', 'ireland', 'northern_ireland', 'outside_uk', 'scotland']);
    expect(ids('REHEARSAL_SCENE')).toEqual(['busy_street', 'cannot_see', 'front_door', 'quiet_street', 'uniform_officer', 'unmarked_car']);
  });

  test('a slot value or synonym names one id only, so a place or a scene is never two things', () => {
    for (const type of model.types) {
      const owner = new Map<string, string>();
      const clashes = type.values.flatMap((v) => [v.value, ...v.synonyms].map(normalise).flatMap((w) => {
        const other = owner.get(w);
        owner.set(w, v.id);
        return other && other !== v.id ? [`${type.name}: "${w}" in ${other} and ${v.id}`] : [];
      }));
      expect(clashes).toEqual([]);
    }
  });

  test('the intents that take a nation or a scene declare the slot, and the new intents are wide enough', () => {
    const slotType = (name: string, slot: string) => intentNamed(name).slots.find((s) => s.name === slot)?.type;
    expect(['SetNationIntent', 'AfterwardsIntent', 'NeedsIntent', 'LoneOfficerStopIntent'].map((n) => slotType(n, 'nation'))).toEqual(['NATION', 'NATION', 'NATION', 'NATION']);
    expect(slotType('StartRehearsalIntent', 'scene')).toBe('REHEARSAL_SCENE');
    const wide: Array<[string, number]> = [['AfterwardsIntent', 150], ['NeedsIntent', 150], ['SetNationIntent', 60],
      ['ComeQuietlyMoveIntent', 100], ['RefuseToGoMoveIntent', 100], ['CheckBeforeGoingMoveIntent', 100]];
    expect(wide.filter(([name, least]) => intentNamed(name).samples.length < least)).toEqual([]);
  });

  test('samples follow Alexa\'s rules: lower case, no digits, no punctuation but apostrophes and periods', () => {
    const bad = model.intents.flatMap((i) => i.samples.filter((s) => !/^[a-z' .{}]+$/.test(s) || s.length > 200 || /\{(?!(?:nation|scene|then)\})/.test(s)));
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
