/**
 * Runs a TypeScript file in a child process as `npx tsx FILE` would, without npx's own start-up
 * (about half a second of CPU a run): `execFileSync(...tsx('simulator/cli.ts', '--batch', file))`.
 */
export const tsx = (...args: string[]): [string, string[]] => [process.execPath, [require.resolve('tsx/cli'), ...args]];
