import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsx } from './support/tsx';

// `npm start` with no arguments: a text conversation. Lines typed ahead (or piped in) each get
// their answer, in order.
describe('the interactive simulator', () => {
  test('answers every line in turn: opening, a question, more, and stop', () => {
    const output = execFileSync(...tsx('simulator/cli.ts'), {
      cwd: join(__dirname, '..'),
      // The first answer asks where you are; "more" goes on with it all the same.
      input: '\nhow do i check an officer is genuine\nmore\nstop\n',
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, SIMULATOR_STORE_DIR: join(mkdtempSync(join(tmpdir(), 'interactive-')), 'store') },
    });
    const replies = output.split('\n').filter((line) => line.startsWith('Alexa: '));
    expect(replies).toHaveLength(4);
    expect(replies[0]).toMatch(/^Alexa: If you're in danger now, call nine nine nine/);
    expect(replies[1]).toMatch(/warrant card/);
    expect(replies[2]).toMatch(/fakes have been sold online/);
    expect(replies[3]).toBe('Alexa: In danger now? Call nine nine nine. Take care. Goodbye.');
    expect(output).toMatch(/\(session ended\)/);
  });
});
