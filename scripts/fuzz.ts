/**
 * Fuzzes any module that exports the Lambda entry handler(event, context): the TypeScript source by
 * default, or a bundle. Runs the same properties as tests/fuzz.test.ts and prints a JSON report.
 *
 *   npm run fuzz -- --bundle dist/bundle/index.js --runs 20000 [--seed 42]
 *
 * Exits 1 when any property fails. Envelopes carry SKILL_ID when it is set, else the simulator's id;
 * with SKILL_ID set (the module reads it when loaded), requests for other skills must be refused.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { SIMULATOR_SKILL_ID } from '../simulator/envelope';
import { fuzz, type Handler } from '../tests/support/fuzz/run';

interface Options { bundle?: string; runs: string; seed?: string }

async function main(): Promise<void> {
  const options = new Command()
    .name('npm run fuzz --')
    .description('Send generated Alexa request envelopes through a handler and check every answer.')
    .option('--bundle <file>', 'module exporting handler(event, context) (default: lambda/index.ts)')
    .option('--runs <n>', 'about how many envelopes to send', '5000')
    .option('--seed <n>', 'fast-check seed, to replay a run')
    .parse()
    .opts<Options>();
  const path = resolve(options.bundle ?? 'lambda/index.ts');
  const loaded = require(path) as { handler?: unknown };
  if (typeof loaded.handler !== 'function') throw new Error(`${path} does not export handler(event, context)`);
  const report = await fuzz({
    handler: loaded.handler as Handler,
    envelopes: Number(options.runs),
    skillId: process.env.SKILL_ID || SIMULATOR_SKILL_ID,
    verifiesSkillId: Boolean(process.env.SKILL_ID),
    ...(options.seed ? { seed: Number(options.seed) } : {}),
  });
  process.stdout.write(`${JSON.stringify({ module: path, ...report }, null, 2)}\n`);
  if (report.failures.length || report.errorHandlerCalls.wellFormed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
