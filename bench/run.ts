/**
 * `npm run bench`: start-up and per-request cost of the skill's Lambda bundle against a bare ASK
 * SDK skill (bench/baseline), both built here, in this run, with the same esbuild flags.
 *
 * - cold start: a fresh `node` process loads the bundle and answers one LaunchRequest; median of
 *   many runs, taken in turns (bare node, baseline, skill) so drift in the machine hits all alike.
 * - warm: one process per skill answers many requests (launch, one intent, help, in turn);
 *   median per request.
 * - sizes: each bundle zipped as it would be deployed.
 * - separately, what loading the DynamoDB client costs (not in the timed runs: neither skill is
 *   given a store there).
 *
 * It prints and asserts nothing, unless run with --strict (then a missed target exits 1).
 * Options: --runs N (cold starts per variant, default 60), --requests N (warm, default 3000).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildDynamoDbFile, buildSkillBundle, DYNAMODB_FILE, MAIN_FILE, PROJECT_ROOT } from '../scripts/build/bundleSkill';
import { LAMBDA_FLAGS } from '../scripts/build/esbuildFlags';
import { zipBuffer } from '../scripts/build/zip';
import { buildEnvelope, newSession, type RequestBody } from '../simulator/envelope';

const TARGETS = { coldRatio: 1.15, warmRatio: 1.5, zipBytes: 300 * 1024 };

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = option('runs', 60);
const REQUESTS = option('requests', 3000);
const STRICT = process.argv.includes('--strict');

const OUT = join(PROJECT_ROOT, 'dist/bench');
const PROBES = join(PROJECT_ROOT, 'bench/probes');

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/** Runs node with these arguments; returns its standard output and how long the process took. */
function runNode(args: readonly string[], env: NodeJS.ProcessEnv = {}): { stdout: string; wallMs: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  return { stdout: result.stdout, wallMs };
}

interface Variant {
  readonly name: string;
  readonly bundle: string;
  readonly zipBytes: number;
  readonly coldEvent: string;
  readonly warmEvents: string;
}

const envelopes = (bodies: readonly RequestBody[]) => bodies.map((body) => buildEnvelope(body, newSession()));
const intent = (name: string, declaredSlots: string[] = []): RequestBody => ({ type: 'IntentRequest', intent: name, slots: {}, declaredSlots });

async function prepare(): Promise<{ skill: Variant; baseline: Variant; dynamoDbFile: string }> {
  rmSync(OUT, { recursive: true, force: true });
  const skillDir = join(OUT, 'skill');
  const baselineDir = join(OUT, 'baseline');
  mkdirSync(baselineDir, { recursive: true });
  const skillBundle = await buildSkillBundle(skillDir);
  await build({ ...LAMBDA_FLAGS, absWorkingDir: PROJECT_ROOT, entryPoints: ['bench/baseline/index.ts'], outfile: join(baselineDir, MAIN_FILE) });
  const dynamoDbDir = join(OUT, 'dynamodb');
  await buildDynamoDbFile(dynamoDbDir);

  const zipOf = async (dir: string, names: readonly string[]) => (await zipBuffer(names.map((name) => ({ name, data: readFileSync(join(dir, name)) })))).length;
  const write = (file: string, value: unknown) => {
    writeFileSync(file, JSON.stringify(value));
    return file;
  };
  const launch: RequestBody = { type: 'LaunchRequest' };
  return {
    skill: {
      name: 'skill',
      bundle: join(skillDir, MAIN_FILE),
      zipBytes: await zipOf(skillDir, skillBundle.files.map((file) => file.name)),
      coldEvent: write(join(OUT, 'skill-launch.json'), envelopes([launch])[0]),
      warmEvents: write(join(OUT, 'skill-warm.json'), envelopes([launch, intent('CheckOfficerIsRealIntent', ['nation']), intent('AMAZON.HelpIntent')])),
    },
    baseline: {
      name: 'baseline',
      bundle: join(baselineDir, MAIN_FILE),
      zipBytes: await zipOf(baselineDir, [MAIN_FILE]),
      coldEvent: write(join(OUT, 'baseline-launch.json'), envelopes([launch])[0]),
      warmEvents: write(join(OUT, 'baseline-warm.json'), envelopes([launch, intent('HelloIntent'), intent('AMAZON.HelpIntent')])),
    },
    dynamoDbFile: join(dynamoDbDir, DYNAMODB_FILE),
  };
}

interface Cold { wall: number[]; inside: number[] }

function coldStarts(variants: readonly Variant[]): { bare: number[]; cold: Record<string, Cold> } {
  const bare: number[] = [];
  const cold: Record<string, Cold> = Object.fromEntries(variants.map((variant) => [variant.name, { wall: [], inside: [] }]));
  // One unmeasured round first, so the file cache is warm for everyone.
  const rounds = RUNS + 1;
  for (let round = 0; round < rounds; round++) {
    const bareRun = runNode(['-e', '']);
    if (round > 0) bare.push(bareRun.wallMs);
    for (const variant of round % 2 ? [...variants].reverse() : variants) {
      const run = runNode([join(PROBES, 'coldStart.js'), variant.bundle, variant.coldEvent]);
      if (round === 0) continue;
      (cold[variant.name] as Cold).wall.push(run.wallMs);
      (cold[variant.name] as Cold).inside.push(Number(run.stdout));
    }
  }
  return { bare, cold };
}

function warmMedians(variants: readonly Variant[]): Record<string, number> {
  const perRound: Record<string, number[]> = Object.fromEntries(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < 3; round++) {
    for (const variant of variants) {
      const { stdout } = runNode([join(PROBES, 'warm.js'), variant.bundle, variant.warmEvents, '300', String(REQUESTS)]);
      (perRound[variant.name] as number[]).push(median(JSON.parse(stdout) as number[]));
    }
  }
  return Object.fromEntries(Object.entries(perRound).map(([name, medians]) => [name, median(medians)]));
}

const DYNAMODB_RUNS = 20;

function dynamoDbLoad(bundledFile: string): { fromNodeModules: number; bundled: number } {
  const once = (args: string[]) => Number(runNode(['--no-warnings', join(PROBES, 'requireDynamoDb.js'), ...args], { NODE_PATH: join(PROJECT_ROOT, 'node_modules') }).stdout);
  const fromNodeModules: number[] = [];
  const bundled: number[] = [];
  // In turns, as the cold starts are, so a busy moment hits both alike.
  for (let run = 0; run < DYNAMODB_RUNS; run++) {
    fromNodeModules.push(once([]));
    bundled.push(once([bundledFile]));
  }
  return { fromNodeModules: median(fromNodeModules), bundled: median(bundled) };
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${process.arch}; ${RUNS} cold starts per variant, ${REQUESTS} warm requests x 3 rounds\n`);
  const { skill, baseline, dynamoDbFile } = await prepare();
  const variants = [baseline, skill];

  const { bare, cold } = coldStarts(variants);
  const bareMedian = median(bare);
  const wall = (name: string) => median((cold[name] as Cold).wall);
  const inside = (name: string) => median((cold[name] as Cold).inside);
  console.log('Cold start: fresh process loads the bundle and answers one LaunchRequest (medians)');
  console.log(`  ${''.padEnd(22)}${'process'.padStart(12)}${'above bare'.padStart(14)}${'load+answer'.padStart(14)}`);
  console.log(`  ${"bare node -e ''".padEnd(22)}${ms(bareMedian).padStart(12)}`);
  for (const { name } of variants) {
    console.log(`  ${name.padEnd(22)}${ms(wall(name)).padStart(12)}${ms(wall(name) - bareMedian).padStart(14)}${ms(inside(name)).padStart(14)}`);
  }
  const coldRatio = wall('skill') / wall('baseline');
  console.log(`  ${'skill / baseline'.padEnd(22)}${ratio(wall('skill'), wall('baseline')).padStart(12)}${ratio(wall('skill') - bareMedian, wall('baseline') - bareMedian).padStart(14)}${ratio(inside('skill'), inside('baseline')).padStart(14)}`);

  const warm = warmMedians(variants);
  const warmRatio = (warm.skill as number) / (warm.baseline as number);
  console.log('\nWarm: one process, launch / one intent / help in turn (median per request)');
  for (const { name } of variants) console.log(`  ${name.padEnd(22)}${ms(warm[name] as number).padStart(12)}`);
  console.log(`  ${'skill / baseline'.padEnd(22)}${ratio(warm.skill as number, warm.baseline as number).padStart(12)}`);

  console.log('\nZipped deployment package');
  for (const { name, zipBytes } of variants) console.log(`  ${name.padEnd(22)}${kb(zipBytes).padStart(12)}`);

  const dynamo = dynamoDbLoad(dynamoDbFile);
  console.log(`\nLoading the DynamoDB client (paid once, on the first request that uses the store; fresh process, median of ${DYNAMODB_RUNS})`);
  console.log(`  ${'from node_modules'.padEnd(22)}${ms(dynamo.fromNodeModules).padStart(12)}`);
  console.log(`  ${`bundled ${DYNAMODB_FILE}`.padEnd(22)}${ms(dynamo.bundled).padStart(12)}`);

  const checks = [
    { what: `cold start <= ${TARGETS.coldRatio}x baseline (process)`, met: coldRatio <= TARGETS.coldRatio, value: `${coldRatio.toFixed(2)}x` },
    { what: `warm median < ${TARGETS.warmRatio}x baseline`, met: warmRatio < TARGETS.warmRatio, value: `${warmRatio.toFixed(2)}x` },
    { what: `zipped skill < ${kb(TARGETS.zipBytes)}`, met: skill.zipBytes < TARGETS.zipBytes, value: kb(skill.zipBytes) },
  ];
  console.log('\nTargets');
  for (const check of checks) console.log(`  ${check.met ? 'met   ' : 'MISSED'} ${check.what}: ${check.value}`);
  if (STRICT && checks.some((check) => !check.met)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
