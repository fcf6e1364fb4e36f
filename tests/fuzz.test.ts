import { handler } from '../lambda/index';
import { setLogSink, writeToStandardError } from '../lambda/observability/log';
import { SIMULATOR_SKILL_ID } from '../simulator/envelope';
import { fuzz } from './support/fuzz/run';

/** How many envelopes CI sends through the handler (FUZZ_ENVELOPES raises it for a longer hunt). */
const ENVELOPES = Number(process.env.FUZZ_ENVELOPES ?? 5500);

describe('no request breaks the skill (property-based, fast-check)', () => {
  test(`at least five thousand generated envelopes are all answered well`, async () => {
    // The request log goes to standard error, where the harness reads and checks each line.
    const previous = setLogSink(writeToStandardError);
    try {
      const report = await fuzz({ handler, envelopes: ENVELOPES, skillId: SIMULATOR_SKILL_ID, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined });
      if (report.failures.length) throw new Error(`seed ${report.seed}:\n${report.failures.join('\n\n')}`);
      expect(report.envelopes).toBeGreaterThanOrEqual(5000);
      expect(report.errorHandlerCalls.wellFormed).toBe(0);
      // Every kind of request was tried, well-formed and broken.
      expect(report.malformed).toBeGreaterThan(100);
      expect(Object.keys(report.byRequestType).length).toBeGreaterThan(25);
    } finally {
      setLogSink(previous);
    }
  }, 240_000);
});
