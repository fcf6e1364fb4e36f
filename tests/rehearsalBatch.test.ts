import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsx } from './support/tsx';

// Progress through the simulator's batch mode, with its file store, as other tools run it: what one
// line saves, the next line sees. The store is a folder of this test's own, so batches run by other
// tests at the same time neither share nor empty it.
const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'rehearsal-batch-'));

interface Reply { intent: string; speech: string; endSession: boolean; topic: string | null; rehearsal: { scene: string; move: string | null; verdict: string | null } | null }

function batch(lines: readonly object[]): (Reply | { name: string; replies: Reply[] })[] {
  const file = join(work, 'in.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  const out = execFileSync(...tsx('simulator/cli.ts', '--fresh', '--batch', file), {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, SIMULATOR_STORE_DIR: join(work, 'store') },
  });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

const single = (x: unknown) => x as Reply;
const script = (x: unknown) => x as { name: string; replies: Reply[] };

describe('rehearsal progress through the simulator batch mode and its file store', () => {
  test('the move missed in one session is the one the next launch names; a timed-out scene is offered', () => {
    const out = batch([
      { name: 'misses the warrant card', turns: ['let\'s rehearse a stop at night', 'so where\'s your backup', 'hang on i\'m ringing one oh one to check you', 'what exactly have i done', 'i\'d scream for help and run to a shop'] },
      { utterance: '' },
      { name: 'walks away mid scene', turns: ['let\'s practise at home', 'show me some id first'] },
      { utterance: '' },
    ]);
    const first = script(out[0]).replies;
    expect(first.map((r) => r.rehearsal?.move ?? null)).toEqual([null, 'colleagues', 'call_to_check', 'why_stopping', 'safe_place']);
    expect(first[4]?.speech).toMatch(/One to remember next time: ask to see their warrant card/);
    expect(single(out[1]).speech).toMatch(/^If you're in danger now, call nine nine nine.*Last time you practised, the warrant card slipped your mind\./);

    const second = script(out[2]).replies;
    expect(second[0]?.rehearsal?.scene).toBe('front_door');
    const launch = single(out[3]);
    expect(launch.speech).toMatch(/You were part-way through the front door scene\. Shall we pick it up\?$/);
    expect(launch.endSession).toBe(false);
  });
});
