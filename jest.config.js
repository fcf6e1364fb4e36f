/** Tests run TypeScript through SWC (fast, no type-check); `npm test` type-checks with tsc first. */
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
};
