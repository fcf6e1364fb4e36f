import type { BuildOptions } from 'esbuild';

/**
 * The esbuild flags every Lambda bundle here is built with: the skill itself and, in the
 * benchmark, the bare baseline skill, so the two are compared like for like.
 */
export const LAMBDA_FLAGS = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
  // Resolve through node_modules as it appears in the project, even when it is a link to another
  // checkout's (as in worktrees): otherwise esbuild reads that checkout's package.json too.
  preserveSymlinks: true,
} as const satisfies BuildOptions;
