/**
 * `npm run nlu-model`: trains the simulator's understanding into its cache (.simulator/nlu-cache),
 * or finds it there. `npm test` runs it beside the type check and the linters, so that the tests
 * which start the simulator find the model trained, instead of each training its own.
 */
import { createUnderstanding } from '.';

createUnderstanding().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
