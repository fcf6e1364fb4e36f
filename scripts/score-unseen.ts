// `npm run score-unseen -- [--misses] [--answers DIR] [SET.jsonl ...]`: scores unseen sets (all of
// tests/fixtures/unseen by default) the way docs/testing.md describes scoring them by hand, in one
// process with one trained model: each set runs as `npm start --silent -- --fresh --batch SET` would,
// and is scored by its kind (named in the file name) with the eval scorers copied into
// tests/fixtures, or navigationScore.ts. Prints a line per set and the totals per kind; --misses
// prints each miss, --answers keeps the batch output.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBatch } from '../simulator/batch';
import { Conversation } from '../simulator/conversation';
import { setLogSink } from '../lambda/observability/log';
import { loadInteractionModel } from '../simulator/interactionModel';
import { createUnderstanding } from '../simulator/understanding';
import { saysDangerFirst } from './dangerFirst';
import { scoreNavigation, type NavigationReply, type NavigationScript } from './navigationScore';
import { PROJECT_ROOT } from './projectRoot';

const KINDS = ['questions', 'danger', 'new-topics', 'rehearsal', 'navigation'] as const;
type Kind = (typeof KINDS)[number];
interface Score { right: number; of: number; labels?: number; dangerFirst?: number; dangerLines?: number; misses: string[] }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { misses: { type: 'boolean', default: false }, answers: { type: 'string' } },
});
const fixtures = join(PROJECT_ROOT, 'tests', 'fixtures');
const unseen = join(fixtures, 'unseen');
const sets = positionals.length > 0
  ? positionals.map((p) => resolve(p))
  : readdirSync(unseen).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(unseen, f));

const kindOf = (file: string): Kind => {
  const kind = KINDS.find((k) => basename(file).split('.').includes(k));
  if (!kind) throw new Error(`${file}: the file name names no kind (${KINDS.join(', ')})`);
  return kind;
};
const jsonLines = <T>(text: string): T[] => text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** Runs an eval scorer with no bar and returns what it printed. */
function runScorer(script: string, set: string, answers: string): string {
  try {
    return execFileSync(process.execPath, [join(fixtures, script), set, answers, '0'], { encoding: 'utf8' });
  } catch (error) {
    // The scorers exit 1 when a danger answer says 999 late; their report is still the report.
    const out = (error as { stdout?: string }).stdout;
    if (typeof out === 'string' && out.length > 0) return out;
    throw error;
  }
}
const missLines = (report: string): string[] => report.split('\n').filter((l) => l.startsWith('MISS '));

function scoreQuestions(set: string, answersFile: string, answers: string[]): Score {
  const report = runScorer('score.js', set, answersFile);
  const m = /score: [\d.]+% answered right \((\d+)\/(\d+).*topic labels ([\d.]+)%/.exec(report);
  if (!m) throw new Error(`${set}: score.js printed no score:\n${report}`);
  const expected = jsonLines<{ utterance: string; topic: string }>(readFileSync(set, 'utf8'));
  const danger = expected.map((e, i) => [e, i] as const).filter(([e]) => e.topic === 'danger');
  // Whatever topic a danger line was taken for, it must hear 999 first (issue 12's safety net).
  const late = danger.filter(([, i]) => !saysDangerFirst((JSON.parse(answers[i] ?? '{}') as { speech?: string }).speech ?? ''));
  return {
    right: Number(m[1]), of: Number(m[2]), labels: Math.round((Number(m[3]) * Number(m[2])) / 100),
    dangerFirst: danger.length - late.length, dangerLines: danger.length,
    misses: [...missLines(report), ...late.map(([e]) => `MISS 999 late <- "${e.utterance}"`)],
  };
}

function scoreRehearsal(set: string, answersFile: string): Score {
  const report = runScorer('score-rehearsal.js', set, answersFile);
  const m = /rehearsal: [\d.]+% of turns answered as expected \((\d+)\/(\d+)\)/.exec(report);
  if (!m) throw new Error(`${set}: score-rehearsal.js printed no score:\n${report}`);
  return { right: Number(m[1]), of: Number(m[2]), misses: missLines(report) };
}

function scoreNavigationSet(set: string, answers: string[]): Score {
  const replies = new Map(answers.map((l) => JSON.parse(l) as { name: string; replies: NavigationReply[] }).map((a) => [a.name, a.replies]));
  const { right, turns, misses } = scoreNavigation(jsonLines<NavigationScript>(readFileSync(set, 'utf8')), (n) => replies.get(n) ?? []);
  return { right, of: turns, misses: misses.map((m) => `MISS ${m}`) };
}

/** Two scores of one kind added up (their misses are printed per set, not kept). */
function sum(a: Score | undefined, b: Score): Score {
  if (!a) return { ...b, misses: [] };
  const add = (x: number | undefined, y: number | undefined): number | undefined => (x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0));
  return {
    right: a.right + b.right, of: a.of + b.of, labels: add(a.labels, b.labels),
    dangerFirst: add(a.dangerFirst, b.dangerFirst), dangerLines: add(a.dangerLines, b.dangerLines), misses: [],
  };
}

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
function line(label: string, s: Score): string {
  const parts = [`${label}: ${pct(s.right, s.of)} (${s.right}/${s.of})`];
  if (s.labels !== undefined) parts.push(`labels ${pct(s.labels, s.of)}`);
  if (s.dangerLines) parts.push(`999 first ${s.dangerFirst}/${s.dangerLines}`);
  return parts.join(', ');
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lone-officer-unseen-'));
  const keep = values.answers ? resolve(values.answers) : undefined;
  if (keep) mkdirSync(keep, { recursive: true });
  // The simulator's store folder is read when its module loads, so it is set first.
  process.env.SIMULATOR_STORE_DIR = join(work, 'store');
  const local = await import('../simulator/localSkill');
  // The skill's request log would bury the scores, as in the batch mode.
  setLogSink(() => undefined);
  const model = loadInteractionModel();
  const conversation = new Conversation(local.localSkill(), await createUnderstanding(model), model);
  const totals = new Map<Kind, Score>();
  try {
    for (const set of sets) {
      local.emptyLocalStore();
      const answers: string[] = [];
      await runBatch(readFileSync(set, 'utf8'), conversation, (l) => answers.push(l));
      const answersFile = join(keep ?? work, `${basename(set, '.jsonl')}.answers.jsonl`);
      writeFileSync(answersFile, answers.map((l) => `${l}\n`).join(''));
      const kind = kindOf(set);
      const score = kind === 'rehearsal' ? scoreRehearsal(set, answersFile)
        : kind === 'navigation' ? scoreNavigationSet(set, answers)
          : scoreQuestions(set, answersFile, answers);
      process.stdout.write(`${line(basename(set), score)}\n`);
      if (values.misses) for (const m of score.misses) process.stdout.write(`  ${m}\n`);
      totals.set(kind, sum(totals.get(kind), score));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write('totals\n');
  for (const kind of KINDS) {
    const t = totals.get(kind);
    if (t) process.stdout.write(`  ${line(kind, t)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
