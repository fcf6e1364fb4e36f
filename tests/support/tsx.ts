/**
 * Runs a TypeScript file in a child process as `tsx FILE` would: `execFileSync(...tsx('simulator/cli.ts',
 * '--batch', file))`. This node with tsx's CommonJS hook, which is all a CommonJS project needs;
 * tsx's command line would start a second node with its ESM loader too, and npx its own start-up.
 */
export const tsx = (...args: string[]): [string, string[]] => [process.execPath, ['--require', require.resolve('tsx/cjs'), ...args]];
