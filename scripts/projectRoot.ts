import { resolve } from 'node:path';

/** The repository's root folder, which every script's paths start from. */
export const PROJECT_ROOT = resolve(__dirname, '..');
