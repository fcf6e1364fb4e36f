import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedModel } from '../simulator/understanding/modelCache';

// The simulator's model is trained once however many processes start together (the test suite
// starts several): the one holding the lock trains, the others wait for its file.
const work = mkdtempSync(join(tmpdir(), 'model-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const model = Uint8Array.from([1, 2, 3]);

test('trains once and saves the model; a later call reads it without training', async () => {
  const file = join(work, 'once', 'model.bin');
  const train = jest.fn(() => model);
  expect(await cachedModel(file, train)).toEqual(model);
  expect(Uint8Array.from(await cachedModel(file, train))).toEqual(model);
  expect(train).toHaveBeenCalledTimes(1);
  expect(existsSync(`${file}.lock`)).toBe(false);
});

test('while another live process holds the lock, waits for its model instead of training', async () => {
  const file = join(work, 'waits.bin');
  writeFileSync(`${file}.lock`, String(process.pid));
  const train = jest.fn(() => Uint8Array.from([9]));
  setTimeout(() => writeFileSync(file, Buffer.from(model)), 300);
  expect(Uint8Array.from(await cachedModel(file, train))).toEqual(model);
  expect(train).not.toHaveBeenCalled();
  rmSync(`${file}.lock`);
});

test('a lock left by a process that died is taken over', async () => {
  const file = join(work, 'stale.bin');
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(`${file}.lock`, gone);
  const train = jest.fn(() => model);
  expect(await cachedModel(file, train)).toEqual(model);
  expect(train).toHaveBeenCalledTimes(1);
  expect(readFileSync(file)).toEqual(Buffer.from(model));
});
