/**
 * Trains the simulator's model into its cache, or finds it there, and exits: jest's global setup
 * (tests/support/modelTraining.setup.ts) runs this at the start of a run.
 */
import { createUnderstanding } from '../../simulator/understanding';

createUnderstanding().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
