import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SkillHandler } from './conversation';

/**
 * Where the simulator keeps what the skill remembers for its one user. SIMULATOR_STORE_DIR moves it,
 * so that tests running batches side by side do not share (or empty) each other's store.
 */
const LOCAL_STORE_DIR = process.env.SIMULATOR_STORE_DIR || join(__dirname, '..', '.simulator', 'store');

/** The Lambda handler itself, pointed at a local file store instead of DynamoDB. */
export function localSkill(): SkillHandler {
  process.env.LOCAL_STORE_DIR = LOCAL_STORE_DIR;
  // Required after the environment is set, because the Lambda entry reads it when loaded.
  const { handler } = require('../lambda/index') as typeof import('../lambda/index');
  return (event) => handler(event);
}

export function emptyLocalStore(): void {
  rmSync(LOCAL_STORE_DIR, { recursive: true, force: true });
}
