/**
 * `npx tsx bench/storeCost.ts`: what the store costs at a cold launch. Each variant is bundled
 * here with the skill's esbuild flags; then, in many interleaved rounds, a fresh `node` process
 * loads one bundle and answers one LaunchRequest that reads the user's item from dynalite on
 * 127.0.0.1 (through AWS_ENDPOINT_URL_DYNAMODB, credentials from the environment, as on Lambda).
 *
 * - skill: the Lambda bundle as deployed (index.js, aws-dynamodb.js, word groups).
 * - sdk-v3: a plain skill reading with @aws-sdk/lib-dynamodb, the SDK's defaults.
 * - aws-lite: the same plain skill reading with @aws-lite/client and @aws-lite/dynamodb.
 *
 * Prints the medians of each variant and the median of the per-round ratios skill / peer (a busy
 * moment of the machine hits all variants of a round alike). Options: --runs N (default 40),
 * --strict (exit 1 when the skill is above TARGET times the SDK v3 peer), --before DIR (also the
 * skill of another checkout, e.g. a worktree of an earlier commit, bundled by its own script).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { buildSkillBundle, MAIN_FILE, PROJECT_ROOT } from '../scripts/build/bundleSkill';
import { LAMBDA_FLAGS } from '../scripts/build/esbuildFlags';
import { userKeyOf } from '../lambda/persistence/userKey';
import { buildEnvelope, newSession } from '../simulator/envelope';

const TARGET = 0.8;
const at = process.argv.indexOf('--runs');
const RUNS = at >= 0 ? Number(process.argv[at + 1]) : 40;
const STRICT = process.argv.includes('--strict');
const beforeAt = process.argv.indexOf('--before');
const BEFORE = beforeAt >= 0 ? process.argv[beforeAt + 1] : undefined;
const OUT = join(PROJECT_ROOT, 'dist/bench-store');
const PROBE = join(PROJECT_ROOT, 'bench/probes/coldStart.js');
const TABLE = 'bench-users';

// dynalite ships no types: it makes an http.Server that speaks the DynamoDB API.
const dynalite = require('dynalite') as (options: { createTableMs?: number }) => Server;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

interface Variant { readonly name: string; readonly bundle: string }

async function bundles(): Promise<Variant[]> {
  rmSync(OUT, { recursive: true, force: true });
  await buildSkillBundle(join(OUT, 'skill'));
  const peers = ['sdkV3', 'awsLite'];
  for (const peer of peers) {
    mkdirSync(join(OUT, peer), { recursive: true });
    await build({ ...LAMBDA_FLAGS, mainFields: ['module', 'main'], absWorkingDir: PROJECT_ROOT, entryPoints: [`bench/storePeers/${peer}.ts`], outfile: join(OUT, peer, MAIN_FILE) });
  }
  const before: Variant[] = [];
  if (BEFORE) {
    const other = require(join(BEFORE, 'scripts/build/bundleSkill')) as typeof import('../scripts/build/bundleSkill');
    await other.buildSkillBundle(join(OUT, 'before'));
    before.push({ name: 'before', bundle: join(OUT, 'before', MAIN_FILE) });
  }
  return [
    ...before,
    { name: 'skill', bundle: join(OUT, 'skill', MAIN_FILE) },
    { name: 'sdk-v3', bundle: join(OUT, 'sdkV3', MAIN_FILE) },
    { name: 'aws-lite', bundle: join(OUT, 'awsLite', MAIN_FILE) },
  ];
}

/** dynalite with the table and the user's item, as the skill and the peers each read it. */
async function startStore(userId: string): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  await client.send(new CreateTableCommand({
    TableName: TABLE, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  for (let i = 0; i < 100 && (await client.send(new DescribeTableCommand({ TableName: TABLE }))).Table?.TableStatus !== 'ACTIVE'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Fresh, so the skill's read does not also push the expiry back.
  const expiresAt = { N: String(Math.floor(Date.now() / 1000) + 90 * 24 * 60 * 60) };
  for (const id of [userKeyOf(buildEnvelope({ type: 'LaunchRequest' }, newSession())) as string, userId]) {
    await client.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: id }, rate: { N: '80' }, expiresAt } }));
  }
  client.destroy();
  return { endpoint, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** One cold launch in a fresh process: its wall time, and the time from loading to the answer. */
function coldLaunch(bundle: string, event: string, env: NodeJS.ProcessEnv): Promise<{ wall: number; inside: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [PROBE, bundle, event], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('exit', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${bundle} failed:\n${err}`));
      else resolve({ wall, inside: Number(out) });
    });
  });
}

async function main(): Promise<void> {
  const variants = await bundles();
  const event = buildEnvelope({ type: 'LaunchRequest' }, newSession());
  const eventFile = join(OUT, 'launch.json');
  writeFileSync(eventFile, JSON.stringify(event));
  const store = await startStore(event.context.System.user.userId);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, AWS_ENDPOINT_URL_DYNAMODB: store.endpoint, AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', USER_TABLE_NAME: TABLE, NODE_NO_WARNINGS: '1',
  };
  const results: Record<string, { wall: number[]; inside: number[] }> = Object.fromEntries(variants.map((v) => [v.name, { wall: [], inside: [] }]));
  try {
    // One unmeasured round first, so the file cache is warm for everyone; then turns, alternating order.
    for (let round = 0; round <= RUNS; round++) {
      for (const variant of round % 2 ? [...variants].reverse() : variants) {
        const run = await coldLaunch(variant.bundle, eventFile, env);
        if (round === 0) continue;
        results[variant.name]?.wall.push(run.wall);
        results[variant.name]?.inside.push(run.inside);
      }
    }
  } finally {
    await store.stop();
  }
  const of = (name: string) => results[name] as { wall: number[]; inside: number[] };
  const ratio = (peer: string, kind: 'wall' | 'inside') => median(of('skill')[kind].map((value, i) => value / (of(peer)[kind][i] as number)));
  console.log(`Node ${process.version}; ${RUNS} interleaved rounds; a cold launch reading the user's item from dynalite (medians)`);
  console.log(`  ${''.padEnd(10)}${'process'.padStart(12)}${'load+answer'.padStart(14)}`);
  for (const { name } of variants) console.log(`  ${name.padEnd(10)}${`${median(of(name).wall).toFixed(1)} ms`.padStart(12)}${`${median(of(name).inside).toFixed(1)} ms`.padStart(14)}`);
  if (BEFORE) console.log(`  before / sdk-v3: ${median(of('before').wall.map((value, i) => value / (of('sdk-v3').wall[i] as number))).toFixed(2)}x (process)`);
  for (const peer of ['sdk-v3', 'aws-lite']) {
    console.log(`  skill / ${peer}: ${ratio(peer, 'wall').toFixed(2)}x (process), ${ratio(peer, 'inside').toFixed(2)}x (load+answer)`);
  }
  const met = ratio('sdk-v3', 'wall') <= TARGET;
  console.log(`  ${met ? 'met   ' : 'MISSED'} skill <= ${TARGET}x the SDK v3 peer`);
  if (STRICT && !met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
