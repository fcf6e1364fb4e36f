import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsx } from './support/tsx';

// The batch contract: standard output carries one JSON line per input line and nothing else, while
// the skill's request log goes to standard error. Run exactly as other tools run it.
const root = join(__dirname, '..');

const INPUT = [
  { utterance: '' },
  { utterance: 'how do I check a warrant card' },
  { utterance: '<speak>} "\u0000 no such thing at all' },
  { name: 'a short session', turns: ['', 'what should I ask them', 'more', 'repeat', 'stop'] },
];

describe('batch mode keeps standard output pure', () => {
  test('standard output is JSON lines only; every request is logged as JSON on standard error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'batch-log-')), 'input.jsonl');
    writeFileSync(file, INPUT.map((line) => JSON.stringify(line)).join('\n'));
    const run = spawnSync(...tsx('simulator/cli.ts', '--batch', file), { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(run.status).toBe(0);

    const out = run.stdout.split('\n').filter((l) => l.length > 0);
    expect(out).toHaveLength(INPUT.length);
    for (const line of out) expect(() => JSON.parse(line)).not.toThrow();
    expect(run.stdout.endsWith('\n')).toBe(true);

    // Standard error may also carry warnings from the simulator's own libraries; the skill's lines are JSON.
    const logged = run.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = logged.filter((l) => l.event === 'request');
    // Three single utterances and five turns, plus the SessionEndedRequest each closed session gets.
    expect(requests.length).toBeGreaterThanOrEqual(8);
    expect(requests.every((l) => typeof l.requestType === 'string' && 'topic' in l && 'latencyMs' in l && typeof l.sessionEnded === 'boolean')).toBe(true);
    expect(requests.some((l) => l.error !== undefined)).toBe(false);
    expect(requests.filter((l) => l.requestType === 'SessionEndedRequest').every((l) => l.topic === null && l.sessionEnded)).toBe(true);
    // Nothing the user said, and no user or session id, reaches the log.
    expect(run.stderr).not.toMatch(/warrant card|speak|amzn1\.ask\.account|amzn1\.echo-api\.session|SIMULATOR/);
  });
});
