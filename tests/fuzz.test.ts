import { errorHandler } from '../lambda/handlers/error';
import { handler } from '../lambda/index';
import { setLogSink, writeToStandardError } from '../lambda/observability/log';
import { SIMULATOR_SKILL_ID } from '../simulator/envelope';
import { loadInteractionModel } from '../simulator/interactionModel';
import { fuzz } from './support/fuzz/run';

// A fixed seed, so CI runs the same envelopes every time and a failure is reproducible; FUZZ_SEED
// picks others. Exploring with fresh seeds is `npm run fuzz`, which draws a new one on each run.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261129;

/** How many envelopes CI sends through the handler (FUZZ_ENVELOPES raises it for a longer hunt). */
const ENVELOPES = Number(process.env.FUZZ_ENVELOPES ?? 5500);

describe('no request breaks the skill (property-based, fast-check)', () => {
  test(`at least five thousand generated envelopes are all answered well`, async () => {
    // The request log goes to standard error, where the harness reads and checks each line.
    const previous = setLogSink(writeToStandardError);
    // The harness counts the error handler's log lines; a spy counts its calls, to check that count.
    const errorHandlerCalls = jest.spyOn(errorHandler, 'handle');
    try {
      const report = await fuzz({ handler, envelopes: ENVELOPES, skillId: SIMULATOR_SKILL_ID, seed: SEED });
      if (report.failures.length) throw new Error(`seed ${report.seed}:\n${report.failures.join('\n\n')}`);
      expect(report.envelopes).toBeGreaterThanOrEqual(5000);
      expect(report.errorHandlerCalls.wellFormed).toBe(0);
      expect(errorHandlerCalls).toHaveBeenCalledTimes(report.errorHandlerCalls.malformed);
      // Every kind of request was tried, well-formed and broken.
      expect(report.malformed).toBeGreaterThan(100);
      expect(Object.keys(report.byRequestType).length).toBeGreaterThan(25);
      // Every intent of the interaction model, read from the file, was sent many times.
      const seldomSent = loadInteractionModel().intents.map((i) => i.name).filter((name) => (report.byIntent[name] ?? 0) < 20);
      expect(seldomSent).toEqual([]);
    } finally {
      setLogSink(previous);
      errorHandlerCalls.mockRestore();
    }
  }, 240_000);

  test('with SKILL_ID set, generated requests for other skills are all refused and the rest answered', async () => {
    const previousId = process.env.SKILL_ID;
    process.env.SKILL_ID = 'amzn1.ask.skill.fuzz-ours';
    let entry: typeof handler | undefined;
    try {
      jest.isolateModules(() => {
        entry = (require('../lambda/index') as typeof import('../lambda/index')).handler;
      });
    } finally {
      if (previousId === undefined) delete process.env.SKILL_ID;
      else process.env.SKILL_ID = previousId;
    }
    const report = await fuzz({ handler: entry as typeof handler, envelopes: 600, skillId: 'amzn1.ask.skill.fuzz-ours', verifiesSkillId: true, seed: SEED });
    if (report.failures.length) throw new Error(`seed ${report.seed}:\n${report.failures.join('\n\n')}`);
    expect(report.refused).toBeGreaterThan(20);
    expect(report.errorHandlerCalls.wellFormed).toBe(0);
  }, 120_000);
});
