import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsx } from './support/tsx';

// Persistence across sessions, through the simulator's batch mode exactly as other tools run it,
// with a store folder of its own so that other runs cannot share this user.
const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'memory-'));
const store = join(work, 'store');

interface Reply { utterance: string; intent: string; ssml: string; speech: string }

function runBatch(lines: string[]): Reply[] {
  const input = join(work, 'input.jsonl');
  writeFileSync(input, lines.map((utterance) => JSON.stringify({ utterance })).join('\n'));
  const out = execFileSync(...tsx('simulator/cli.ts', '--fresh', '--batch', input), {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, SIMULATOR_STORE_DIR: store },
  });
  return out.trim().split('\n').map((line) => JSON.parse(line) as Reply);
}

const rateOf = (r: Reply | undefined) => Number(/<prosody rate="(\d+)%">/.exec(r?.ssml ?? '')?.[1] ?? 100);
const storedFiles = () => (existsSync(store) ? readdirSync(store) : []);

describe('memory across sessions, through the simulator (--fresh --batch)', () => {
  test('a slower rate carries into the next session, normal speed restores it, delete my data leaves nothing', () => {
    const replies = runBatch([
      'what questions should i ask',
      'speak more slowly please',
      'what questions should i ask',
      'speak at normal speed',
      'what questions should i ask',
      'short answers',
      'delete my data',
    ]);
    expect(replies.map((r) => r.intent)).toEqual([
      'QuestionsToAskIntent', 'SpeakSlowerIntent', 'QuestionsToAskIntent', 'NormalSpeedIntent', 'QuestionsToAskIntent',
      'ShortAnswersIntent', 'ForgetMeIntent',
    ]);
    const [before, , slower, , normal] = replies;
    expect(rateOf(before)).toBe(100);
    expect(rateOf(slower)).toBeLessThan(100);
    expect(slower?.speech).toBe(before?.speech);
    expect(rateOf(normal)).toBe(100);
    expect(replies[6]?.speech).toMatch(/deleted everything/);
    expect(storedFiles()).toEqual([]);
  });

  test('--fresh forgets what an earlier run saved', () => {
    runBatch(['speak more slowly please']);
    expect(storedFiles()).toHaveLength(1);
    const [answer] = runBatch(['what questions should i ask']);
    expect(rateOf(answer)).toBe(100);
  });
});
