// jest's order of test files (those that failed last time first, then the slowest), except for the
// files it has no timings for, as in a fresh clone: there the simulator's model is not trained yet
// either, so those that need it run after the others, by when its training (started by
// modelTraining.setup.ts) is further on or done, instead of holding a worker while they wait.
const Sequencer = require('@jest/test-sequencer').default;

/** The files that need the trained model, in jest's process or the simulator's; one left out only waits for it. */
const NEEDS_MODEL = /[\\/](certify|evaluation|batchLog|rehearsalBatch|simulatorInteractive|simulatorMemory)\.test\.ts$/;

module.exports = class ModelLastSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const untimed = sorted.filter((test) => test.duration == null);
    const needsModel = (test) => NEEDS_MODEL.test(test.path);
    return [
      ...untimed.filter((test) => !needsModel(test)),
      ...untimed.filter(needsModel),
      ...sorted.filter((test) => test.duration != null),
    ];
  }
};
