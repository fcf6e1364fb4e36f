import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Settings that change what the skill does; a fresh process starts without them unless asked.
const SKILL_SETTINGS = ['SKILL_ID', 'USER_TABLE_NAME', 'LOCAL_STORE_DIR'];

/**
 * Runs `code` in a new Node.js process, as Lambda does on a cold start, and resolves with the
 * JSON it prints last. Asynchronous, so a server in the test process (dynalite) keeps answering.
 */
export function runInFreshNode(code: string, env: Record<string, string> = {}): Promise<unknown> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SKILL_SETTINGS.includes(name)));
  // A script file, not `node -e`: eval mode loads built-in modules (crypto among them) up front,
  // which would hide what the bundle itself loads.
  const dir = mkdtempSync(join(tmpdir(), 'lone-officer-fresh-'));
  const script = join(dir, 'probe.js');
  writeFileSync(script, code);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--no-deprecation', '--no-warnings', script], { env: { ...base, ...env }, timeout: 20000 }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (error) {
        reject(new Error(`${error.message}\n${stderr}`));
        return;
      }
      const lines = stdout.trim().split('\n');
      resolve(JSON.parse(lines[lines.length - 1] ?? 'null'));
    });
  });
}
