import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The dev sets and their scorers (copied from ../shared/eval into tests/fixtures), run through the
// simulator's batch mode exactly as other tools run it.
const root = join(__dirname, '..');
const fixtures = join(__dirname, 'fixtures');
const out = mkdtempSync(join(tmpdir(), 'eval-'));

function batch(file: string): string {
  const answers = execFileSync('npx', ['tsx', 'simulator/cli.ts', '--fresh', '--batch', join(fixtures, file)], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024,
  });
  const path = join(out, `${file}.answers`);
  writeFileSync(path, answers);
  return path;
}

function score(script: string, args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('node', [join(fixtures, script), ...args], { encoding: 'utf8' }) };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

describe('the dev sets, scored through the simulator', () => {
  test('batch output is one JSON line per input line, and nothing else', () => {
    const answers = readFileSync(batch('utterances.dev.jsonl'), 'utf8').trim().split('\n');
    const inputs = readFileSync(join(fixtures, 'utterances.dev.jsonl'), 'utf8').trim().split('\n');
    expect(answers).toHaveLength(inputs.length);
    for (const line of answers) {
      expect(Object.keys(JSON.parse(line))).toEqual(['utterance', 'intent', 'topic', 'speech', 'ssml', 'reprompt', 'endSession', 'rehearsal']);
    }
  });

  test('spoken questions, rehearse included: at least 95% answered right, danger says 999 within eight words', () => {
    const answers = batch('utterances.dev.jsonl');
    const result = score('score.js', [join(fixtures, 'utterances.dev.jsonl'), answers, '0.95']);
    if (!result.ok) throw new Error(result.output);
    expect(result.output).toMatch(/score: /);
  });

  test('rehearsal scripts: at least 95% of turns answered as expected', () => {
    const answers = batch('rehearsal.dev.jsonl');
    const result = score('score-rehearsal.js', [join(fixtures, 'rehearsal.dev.jsonl'), answers, '0.95']);
    if (!result.ok) throw new Error(result.output);
    expect(result.output).toMatch(/rehearsal: /);
  });
});

// Questions and scripts worded differently from the dev sets, written by people who never saw the
// model's samples: they measure understanding of new wording. Their bar is lower than the dev
// sets' so that one new awkward phrasing does not fail the build, while a real regression does.
// (Sets c, d and rehearsal b were used to find weak spots; e and rehearsal d were held out until the
// model changes that followed were done.)
describe('questions and scripts worded differently, scored through the simulator', () => {
  const questionSets = ['a', 'b', 'c', 'd', 'e'].map((set) => `paraphrases.${set}.jsonl`);
  test.each(questionSets)('%s: at least 92%% answered right', (file) => {
    const result = score('score.js', [join(fixtures, file), batch(file), '0.92']);
    if (!result.ok) throw new Error(result.output);
    expect(result.output).toMatch(/score: /);
  });

  // Saying you want to stop practising must end the role play, never start another scene: it once did.
  test('every way of stopping a rehearsal in rehearsal.stopping.jsonl ends it', () => {
    const result = score('score-rehearsal.js', [join(fixtures, 'rehearsal.stopping.jsonl'), batch('rehearsal.stopping.jsonl'), '1']);
    if (!result.ok) throw new Error(result.output);
    expect(result.output).toMatch(/rehearsal: 100\.0%/);
  });

  const scriptSets = ['rehearsal.paraphrases.jsonl', ...['b', 'c', 'd'].map((set) => `rehearsal.paraphrases.${set}.jsonl`)];
  test.each(scriptSets)('%s: at least 90%% of turns answered as expected', (file) => {
    const result = score('score-rehearsal.js', [join(fixtures, file), batch(file), '0.90']);
    if (!result.ok) throw new Error(result.output);
    expect(result.output).toMatch(/rehearsal: /);
  });
});

describe('the example phrases in skill.json', () => {
  test('each one really works: it opens the skill or reaches the topic it promises', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'skill.json'), 'utf8'));
    const phrases: string[] = manifest.manifest.publishingInformation.locales['en-GB'].examplePhrases;
    const invocation = JSON.parse(readFileSync(join(root, 'interactionModels/custom/en-GB.json'), 'utf8')).interactionModel.languageModel.invocationName as string;
    // "Alexa, open <name>" opens the skill; "Alexa, ask <name> <question>" asks the question.
    const utterances = phrases.map((phrase) => {
      const words = phrase.toLowerCase().replace(/^alexa,\s*/, '');
      const asked = new RegExp(`^(?:ask|tell) ${invocation}\\s*(.*)$`).exec(words);
      expect(asked !== null || words === `open ${invocation}`).toBe(true);
      return asked?.[1] ?? '';
    });
    const file = join(out, 'examples.jsonl');
    writeFileSync(file, utterances.map((utterance) => JSON.stringify({ utterance })).join('\n'));
    const answers = execFileSync('npx', ['tsx', 'simulator/cli.ts', '--fresh', '--batch', file], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    }).trim().split('\n').map((line) => JSON.parse(line) as { intent: string; topic: string | null });
    expect(answers.map((a) => a.intent)).toEqual(['LaunchRequest', 'CheckOfficerIsRealIntent', 'QuestionsToAskIntent']);
  });
});
