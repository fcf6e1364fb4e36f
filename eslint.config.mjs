// ESLint: the recommended rules of ESLint and typescript-eslint on all code here. The shared
// scorers copied into tests/fixtures and generated output are left as they come.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = { require: 'readonly', module: 'writable', process: 'readonly', performance: 'readonly', console: 'readonly' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.simulator/', 'skill-package/', 'tests/fixtures/**/*.js'] },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // This project is CommonJS, and require() is how it loads a module late on purpose: after the
      // environment is set, on first use (to keep cold starts short), or from a path given at run
      // time; each such call is typed with `as typeof import(...)`. Top-level imports stay imports.
      '@typescript-eslint/no-require-imports': 'off',
      // A leading underscore names what a signature or a destructuring needs but the code does not use
      // (express knows an error handler by its four parameters).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Plain CommonJS scripts run by node itself (the bench probes, jest's config).
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS } },
  // Dropping the control characters XML 1.0 forbids is the point of this expression.
  { files: ['lambda/speech/ssml.ts'], rules: { 'no-control-regex': 'off' } },
);
