import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { tsx } from './tsx';

// jest's global setup. From a fresh clone the simulator's model is not trained yet, and training
// takes one core for a while: it starts at once, in a process of its own, so that it trains beside
// the checks and the first tests instead of holding up the test that first needs it. That test
// waits for the model's file (the lock beside the cache, modelCache.ts), at most 300 s.

export default function startModelTraining(): void {
  (globalThis as { modelTrainer?: ChildProcess }).modelTrainer = spawn(...tsx(join(__dirname, 'trainModel.ts')), { stdio: 'ignore' });
}
