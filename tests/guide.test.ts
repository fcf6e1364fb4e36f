import { GUIDANCE, pagesOf } from '../lambda/guidance';
import { FACT_ROWS } from '../lambda/guidance/factSheet';
import enGB from '../lambda/locales/en-GB.json';
import { translatorFor } from '../lambda/locales/i18n';
import { MOVE_IDS, MOVES, SCENES } from '../lambda/rehearsal';
import { render } from '../lambda/speech/ssml';
import { FLAGGED, flagFor, guideMarkdown } from '../scripts/guideMarkdown';

const t = translatorFor('en-GB');
const guide = guideMarkdown();
const lines = guide.split('\n');
const rehearsalRows = [
  ...MOVE_IDS.flatMap((m) => MOVES[m].feedback.rows),
  ...SCENES.flatMap((scene) => Object.values(scene.feedback).flatMap((f) => f.rows)),
  ...[...MOVE_IDS.map((m) => MOVES[m].feedback), ...SCENES.flatMap((scene) => Object.values(scene.feedback))]
    .flatMap((f) => Object.values(f.nations ?? {}).flatMap((own) => own.rows)),
];
const rowsUsed = new Set([...GUIDANCE.flatMap((e) => pagesOf(e).flat().flatMap((p) => p.rows)), ...rehearsalRows]);
const written = (key: string) => render(t, [{ key }]).card.replace(/[`*<>]/g, '\\$&');
const leaves = (node: unknown, path: string[]): string[] =>
  typeof node === 'string' ? [path.join('.')] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));

describe('npm run guide: the whole guidance as Markdown', () => {
  test('every entry has its heading, review date, and every page', () => {
    for (const entry of GUIDANCE) {
      const start = lines.indexOf(`## ${String(t(entry.titleKey))}`);
      expect(start).toBeGreaterThan(0);
      const section = lines.slice(start, lines.findIndex((l, i) => i > start && l.startsWith('## ')));
      const date = new Date(`${entry.reviewed}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      expect(section.join('\n')).toContain(`last reviewed against the sheet: ${date}`);
      expect(section.filter((l) => l.startsWith('### Page '))).toHaveLength(pagesOf(entry).length);
      // Every sentence, in the written form: digits for numbers, nothing left to fill in.
      for (const part of pagesOf(entry).flat()) expect(section.join('\n')).toContain(render(t, [{ key: part.key }]).card.replace(/[`*<>]/g, '\\$&'));
    }
    expect(guide).not.toMatch(/\{\{|undefined|\[object/);
  });

  test('every fact-sheet row behind a part is shown with its source and confidence', () => {
    for (const row of FACT_ROWS.filter((r) => rowsUsed.has(r.id))) {
      const line = lines.find((l) => l.includes(`Fact ${row.id} (`));
      expect({ row: row.id, found: !!line }).toEqual({ row: row.id, found: true });
      expect(line).toContain('Source: ');
      expect(line).toContain(`confidence: ${row.confidenceNote.slice(0, 20)}`);
    }
  });

  test('every fact rated Medium, Low or Analysis is flagged wherever it appears, and High facts are not', () => {
    for (const row of FACT_ROWS.filter((r) => rowsUsed.has(r.id))) {
      const shown = lines.filter((l) => l.includes(`Fact ${row.id} (`) || l.includes(`Fact ${row.id}:`));
      expect(shown.length).toBeGreaterThan(0);
      for (const line of shown) {
        if (FLAGGED.includes(row.confidence)) expect(line).toContain(`**${flagFor(row)}.**`);
        else expect(line).not.toContain('⚠ CHECK');
      }
    }
    expect(FACT_ROWS.some((r) => rowsUsed.has(r.id) && r.confidence === 'Medium')).toBe(true);
  });

  test('every rehearsal line is in the guide, in its written words', () => {
    const missing = leaves(enGB.translation.rehearsal, ['rehearsal']).filter((key) => !guide.includes(written(key)));
    expect(missing).toEqual([]);
  });

  test('each scene shows what every move gets there, with its verdict and the rows behind it', () => {
    for (const scene of SCENES) {
      const start = lines.indexOf(`### Scene: ${scene.id}`);
      expect(start).toBeGreaterThan(0);
      const section = lines.slice(start, lines.findIndex((l, i) => i > start && l.startsWith('### ')));
      for (const move of MOVE_IDS) {
        const at = section.findIndex((l) => l.startsWith(`- ${move}:`) || l.startsWith(`- ${move} (read here as`));
        expect({ scene: scene.id, move, shown: at >= 0 }).toEqual({ scene: scene.id, move, shown: true });
        expect(section[at]).toMatch(/verdict (good|partial|unsafe)|no verdict/);
      }
    }
    // A nation's own words for a move are there too, each with its rows.
    for (const move of MOVE_IDS) {
      for (const own of Object.values(MOVES[move].feedback.nations ?? {})) {
        const at = lines.findIndex((l) => l.startsWith(`- ${move}, its usual words:`) && l.includes(written(own.key)));
        expect({ key: own.key, shown: at >= 0 }).toEqual({ key: own.key, shown: true });
        expect(lines[at + 1]).toContain(`Fact ${own.rows[0]} (`);
      }
    }
  });

  test('the script prints the same guide', () => {
    // The script itself, run in this process: what it writes to standard output is collected.
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      jest.isolateModules(() => require('../scripts/guide'));
      expect(write.mock.calls.map(([chunk]) => String(chunk)).join('')).toBe(guide);
    } finally {
      write.mockRestore();
    }
  });
});
