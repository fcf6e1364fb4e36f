import type { BuildOptions } from 'esbuild';

/**
 * The esbuild flags every Lambda bundle here is built with: the skill itself and, in the
 * benchmark, the bare baseline skill, so the two are compared like for like.
 */
export const LAMBDA_FLAGS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  // Keeps the output the same for the same input, so an unchanged build gives an unchanged zip.
  charset: 'utf8',
  logLevel: 'warning',
} as const satisfies BuildOptions;
