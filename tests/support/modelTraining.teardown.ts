import type { ChildProcess } from 'node:child_process';

// jest's global teardown: a run that needed no model can end before the training started by
// modelTraining.setup.ts does. It is stopped; the next run takes over the lock it leaves.

export default function stopModelTraining(): void {
  const trainer = (globalThis as { modelTrainer?: ChildProcess }).modelTrainer;
  if (trainer && trainer.exitCode === null && trainer.signalCode === null) trainer.kill();
}
