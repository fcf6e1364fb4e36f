import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// Training can take minutes on a busy machine (docs/understanding.md): wait that long for another
// process's, and no longer.
const WAIT_MS = 600_000;
const POLL_MS = 250;

/** True while the process that wrote the lock (its pid inside) still runs. */
function heldByLiveProcess(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return true; // released meanwhile: look again
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A trainer that died leaves its lock behind: take it over.
    if (!heldByLiveProcess(lock)) rmSync(lock, { force: true });
    return false;
  }
}

/**
 * The model in `file`, or trained by `train` and saved there. Simulators and tests start side by
 * side and need the same model: one of them trains it (holding `file.lock`), the others wait for
 * the file instead of each training its own.
 */
export async function cachedModel(file: string, train: () => Uint8Array): Promise<Uint8Array> {
  mkdirSync(dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (existsSync(file)) return readFileSync(file);
    if (takeLock(lock)) {
      try {
        if (existsSync(file)) return readFileSync(file);
        const trained = train();
        // Written aside and renamed, so no reader sees half a model.
        writeFileSync(`${file}.${process.pid}`, trained);
        renameSync(`${file}.${process.pid}`, file);
        return trained;
      } finally {
        rmSync(lock, { force: true });
      }
    }
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 1000} s for the model another process is training (${lock})`);
    await sleep(POLL_MS);
  }
}
