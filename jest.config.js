/**
 * Tests run TypeScript through SWC (fast, no type-check); `npm test` type-checks with tsc first.
 * `npm test` runs jest with node --experimental-vm-modules: the simulator's fastText loads its
 * WebAssembly core with a dynamic import(), which jest can serve only with that flag. Run single
 * files with `npm test -- tests/x.test.ts`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // ask-sdk-test imports `it`/`describe` from mocha; under jest hand it jest's own.
  moduleNameMapper: { '^mocha$': '<rootDir>/tests/support/mochaShim.ts' },
  // Request log lines stay out of the test report (tests that check them collect their own).
  setupFiles: ['<rootDir>/tests/support/quietLogs.ts'],
  testTimeout: 30000,
  // A worker per core: many tests wait (on timers, sockets, child processes), and another runs meanwhile.
  maxWorkers: '100%',
  // The simulator's model trains in a process of its own from the start of the run; on a fresh
  // clone the tests that need it run after the others.
  globalSetup: '<rootDir>/tests/support/modelTraining.setup.ts',
  globalTeardown: '<rootDir>/tests/support/modelTraining.teardown.ts',
  testSequencer: '<rootDir>/tests/support/sequencer.js',
};
