import { GUIDANCE, pagesOf, type GuidanceEntry, type GuidancePart } from '../lambda/guidance';
import type { Confidence, FactRow } from '../lambda/guidance/factRow';
import { FACT_ROWS } from '../lambda/guidance/factSheet';
import { translatorFor, type Translate } from '../lambda/locales/i18n';
import enGB from '../lambda/locales/en-GB.json';
import { hintKey, MOVE_IDS, MOVES, rememberKey, SCENES, type Feedback, type MoveId, type SceneSpec } from '../lambda/rehearsal';
import { render } from '../lambda/speech/ssml';

/**
 * The whole guidance as Markdown, for people who prefer to read it and for legal and safety review:
 * every entry and page in the skill's own words (numbers as digits), the fact-sheet rows behind each
 * part with their sources and confidence, review dates, and a visible flag on every fact the sheet
 * does not rate High. Then every rehearsal line: each scene with its beats and the feedback for each
 * move there, with the verdict and the rows behind it, so practice can be audited like the answers.
 */

/** Confidence below High: a reviewer must look at these before trusting the sentence built on them. */
export const FLAGGED: readonly Confidence[] = ['Medium', 'Low', 'Analysis'];
export const flagFor = (row: FactRow) => `⚠ CHECK: ${row.confidence === 'Analysis' ? 'analysis, not a source' : `${row.confidence} confidence`}`;

const JURISDICTIONS: Record<string, string> = {
  UK: 'UK-wide',
  'E&W': 'England and Wales',
  SCO: 'Scotland',
  NI: 'Northern Ireland',
  MET: 'Metropolitan Police (London)',
};

const rowsById = new Map(FACT_ROWS.map((row) => [row.id, row]));

const readableDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Only the characters that would turn prose into formatting or HTML are escaped, so the raw text
 * stays easy to read in a terminal or a screen reader (underscores inside words and brackets not
 * followed by a link are already plain text in Markdown).
 */
const plain = (text: string) => text.replace(/([\\`*<>])/g, '\\$1');

function rowLine(row: FactRow): string {
  const where = row.jurisdictions.map((j) => JURISDICTIONS[j] ?? j).join(', ') || 'no jurisdiction given';
  const flag = FLAGGED.includes(row.confidence) ? `**${flagFor(row)}.** ` : '';
  const disputed = row.disputed ? ' The sheet marks this row as disputed, dated or unverified.' : '';
  return `   - ${flag}Fact ${row.id} (${where}; confidence: ${plain(row.confidenceNote)}): ${plain(row.fact)} Source: ${plain(row.source)}${disputed}`;
}

const writtenWords = (t: Translate, key: string) => plain(render(t, [{ key }]).card);

const rowLines = (rows: readonly string[]) => rows.map((id) => {
  const row = rowsById.get(id);
  return row ? rowLine(row) : `   - **⚠ CHECK: fact ${id} is not in the fact sheet.**`;
});

function partLines(t: Translate, entry: GuidanceEntry, part: GuidancePart, number: number): string[] {
  const words = writtenWords(t, part.key);
  const own = [...entry.summary, ...entry.detail.flat(), ...Object.values(entry.nations)].includes(part);
  if (!own) return [`${number}. ${words}`, '   - Spoken pointer to the notes on Scotland and Northern Ireland; states no fact.'];
  if (part.rows.length === 0) return [`${number}. ${words}`, '   - Framing sentence; states no fact.'];
  return [`${number}. ${words}`, ...rowLines(part.rows), ...variantLines(t, part)];
}

const NATION_NAMES: Record<string, string> = { england_wales: 'England and Wales', scotland: 'Scotland', northern_ireland: 'Northern Ireland' };

/** What a part says instead where the user's nation needs other words (or that it is left out there). */
function variantLines(t: Translate, part: GuidancePart): string[] {
  return Object.entries(part.variants ?? {}).flatMap(([nation, variant]) => (variant
    ? [`   - In ${NATION_NAMES[nation] ?? nation}, instead: ${writtenWords(t, variant.key)}`, ...rowLines(variant.rows).map((l) => `  ${l}`)]
    : [`   - Left out in ${NATION_NAMES[nation] ?? nation}.`]));
}

/** A line of feedback: its words, the verdict it carries, and the rows behind it. */
function feedbackLines(t: Translate, label: string, key: string, verdict: string | null, rows: readonly string[], when?: string): string[] {
  const judged = verdict === null ? 'no verdict (a pointer, then a hint)' : `verdict ${verdict}`;
  return [
    `- ${label}: ${judged}${when ? `, ${plain(when)}` : ''}. "${writtenWords(t, key)}"`,
    ...(rows.length ? rowLines(rows).map((l) => `  ${l}`) : ['     - States no fact.']),
  ];
}

/** The feedback a move gets in a scene, as the engine chooses it (the scene's own words, else the move's). */
function feedbackIn(scene: SceneSpec, said: MoveId): { feedback: Feedback; verdict: string | null; as: MoveId } {
  const as = scene.sameAs[said] ?? said;
  const own = scene.feedback[said] ?? scene.feedback[as];
  const verdict = own && own.verdict !== undefined ? own.verdict : MOVES[as].verdict;
  return { feedback: own ?? MOVES[as].feedback, verdict, as };
}

function sceneSection(t: Translate, scene: SceneSpec): string[] {
  const moveRows = (move: MoveId) => MOVES[move].feedback.rows;
  return [
    `### Scene: ${scene.id}`,
    '',
    `Setting: "${writtenWords(t, scene.settingKey)}"`,
    '',
    ...scene.beats.map((beat, i) => `${i + 1}. ${writtenWords(t, beat.key)}`),
    '',
    `Offered again at the next launch if left part-way: "${writtenWords(t, scene.unfinishedKey)}"`,
    '',
    `Key moves, most important first: ${scene.keyMoves.join(', ')}. Hints and "one to remember" in this scene:`,
    '',
    ...scene.keyMoves.flatMap((move) => [
      `- Hint for ${move}: "${writtenWords(t, hintKey(scene.id, move))}" / "${writtenWords(t, rememberKey(scene.id, move))}"`,
      ...rowLines(moveRows(move)).map((l) => `  ${l}`),
    ]),
    '',
    'What each move gets here:',
    '',
    ...MOVE_IDS.flatMap((said) => {
      const { feedback, verdict, as } = feedbackIn(scene, said);
      const label = as === said ? said : `${said} (read here as ${as})`;
      return [...feedbackLines(t, label, feedback.key, verdict, feedback.rows), ...nationFeedbackLines(t, label, feedback, verdict)];
    }),
    '',
  ];
}

/** The words a piece of feedback has instead for a nation whose law needs them. */
const nationFeedbackLines = (t: Translate, label: string, feedback: Feedback, verdict: string | null): string[] =>
  Object.entries(feedback.nations ?? {}).flatMap(([nation, own]) =>
    feedbackLines(t, label, own.key, verdict, own.rows, `in ${NATION_NAMES[nation] ?? nation}`));

function moveSection(t: Translate, move: MoveId): string[] {
  const spec = MOVES[move];
  return [
    ...feedbackLines(t, `${move}, its usual words`, spec.feedback.key, spec.verdict, spec.feedback.rows),
    ...nationFeedbackLines(t, `${move}, its usual words`, spec.feedback, spec.verdict),
    `  - Summary: "${writtenWords(t, spec.doneKey)}" Hint: "${writtenWords(t, spec.hintKey)}" To remember: "${writtenWords(t, spec.rememberKey)}" Next launch: "${writtenWords(t, spec.slippedKey)}"`,
  ];
}

/** Every rehearsal line that is not a scene's or a move's: how practice starts, ends and is steered. */
function framingKeys(): string[] {
  const leaves = (node: unknown, path: string[]): string[] =>
    typeof node === 'string' ? [path.join('.')] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));
  const { scenes: _scenes, moves: _moves, ...rest } = enGB.translation.rehearsal;
  return leaves(rest, ['rehearsal']);
}

function rehearsalSection(t: Translate): string[] {
  return [
    '## Rehearsal: practising a stop out loud',
    '',
    'Every line spoken in practice. Each scene, its beats, and what each move gets there: the verdict and the',
    'fact-sheet rows behind the words. Then the moves\' usual words, and the lines around the scenes.',
    '',
    ...SCENES.flatMap((scene) => sceneSection(t, scene)),
    '### Each move\'s usual words',
    '',
    ...MOVE_IDS.flatMap((move) => moveSection(t, move)),
    '',
    '### Around the scenes',
    '',
    ...framingKeys().map((key) => `- "${writtenWords(t, key)}" (framing; states no fact)`),
    '',
  ];
}

function pageHeading(entry: GuidanceEntry, index: number, count: number): string {
  if (index === 0) return 'Page 1: the first answer';
  const isNations = Object.keys(entry.nations).length > 0 && index === count - 1;
  return isNations ? `Page ${index + 1}: Scotland and Northern Ireland` : `Page ${index + 1}: on "more"`;
}

function entrySection(t: Translate, entry: GuidanceEntry): string[] {
  const pages = pagesOf(entry, null);
  return [
    `## ${plain(String(t(entry.titleKey)))}`,
    '',
    `Topic: ${entry.topic}. Asked for by the intent ${entry.intent}. Facts last reviewed against the sheet: ${readableDate(entry.reviewed)}.`,
    '',
    ...pages.flatMap((parts, index) => {
      let number = 0;
      return [`### ${pageHeading(entry, index, pages.length)}`, '', ...parts.flatMap((part) => partLines(t, entry, part, ++number)), ''];
    }),
  ];
}

/** The rows the guidance and the rehearsal rest on, each with the lines that use it. */
function usedRows(t: Translate): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const use = (rows: readonly string[], where: string) => {
    for (const id of rows) if (!(used.get(id) ?? []).includes(where)) used.set(id, [...(used.get(id) ?? []), where]);
  };
  for (const entry of GUIDANCE) {
    for (const part of pagesOf(entry, null).flat()) use(part.rows, `${String(t(entry.titleKey))} (${part.key})`);
  }
  for (const part of GUIDANCE.flatMap((entry) => pagesOf(entry, null).flat())) {
    for (const variant of Object.values(part.variants ?? {})) if (variant) use(variant.rows, `in one nation (${variant.key})`);
  }
  const feedbacks = [...MOVE_IDS.map((move) => MOVES[move].feedback), ...SCENES.flatMap((scene) => Object.values(scene.feedback))];
  for (const feedback of feedbacks.flatMap((f) => [f, ...Object.values(f.nations ?? {})])) use(feedback.rows, `rehearsal (${feedback.key})`);
  return used;
}

export function guideMarkdown(locale = 'en-GB'): string {
  const t = translatorFor(locale);
  const used = usedRows(t);
  const flagged = [...used.keys()].map((id) => rowsById.get(id)).filter((row): row is FactRow => !!row && FLAGGED.includes(row.confidence))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const lines = [
    `# ${plain(String(t('skillName')))}: the whole guidance`,
    '',
    'Independent guidance: not official, and not from the police. General information, not legal advice.',
    'Alexa cannot call 999, 112 or 101. If you are in danger, call 999 on your own phone.',
    '',
    'Every sentence below is in the words the skill speaks (numbers as digits). Under each sentence are the',
    'rows of the fact sheet it rests on, with their sources and confidence. Every fact the sheet rates',
    'Medium, Low or Analysis is flagged "⚠ CHECK", and listed again at the end, for legal and safety review.',
    '',
    `${GUIDANCE.length} answers, ${used.size} fact-sheet rows used, ${flagged.length} of them flagged.`,
    '',
    '## Contents',
    '',
    ...GUIDANCE.map((entry, i) => `${i + 1}. ${plain(String(t(entry.titleKey)))}`),
    `${GUIDANCE.length + 1}. Rehearsal: practising a stop out loud`,
    `${GUIDANCE.length + 2}. Rehearsal lines waiting for their logic`,
    `${GUIDANCE.length + 3}. Flagged facts, for review`,
    '',
    ...GUIDANCE.flatMap((entry) => entrySection(t, entry)),
    ...rehearsalSection(t),
    '## Flagged facts, for review',
    '',
    ...flagged.flatMap((row) => [
      `- **${flagFor(row)}.** Fact ${row.id}: ${plain(row.fact)}`,
      `  - Confidence: ${plain(row.confidenceNote)}. Source: ${plain(row.source)}`,
      `  - Used in: ${(used.get(row.id) ?? []).map(plain).join('; ')}.`,
    ]),
    '',
  ];
  return lines.join('\n');
}
