import { GUIDANCE, pagesOf, type GuidanceEntry, type GuidancePart } from '../lambda/guidance';
import type { Confidence, FactRow } from '../lambda/guidance/factRow';
import { FACT_ROWS } from '../lambda/guidance/factSheet';
import { translatorFor, type Translate } from '../lambda/locales/i18n';
import { render } from '../lambda/speech/ssml';

/**
 * The whole guidance as Markdown, for people who prefer to read it and for legal and safety review:
 * every entry and page in the skill's own words (numbers as digits), the fact-sheet rows behind each
 * part with their sources and confidence, review dates, and a visible flag on every fact the sheet
 * does not rate High.
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

function partLines(t: Translate, entry: GuidanceEntry, part: GuidancePart, number: number): string[] {
  const words = plain(render(t, [{ key: part.key }]).card);
  const own = [...entry.summary, ...entry.detail.flat(), ...Object.values(entry.nations)].includes(part);
  if (!own) return [`${number}. ${words}`, '   - Spoken pointer to the notes on Scotland and Northern Ireland; states no fact.'];
  if (part.rows.length === 0) return [`${number}. ${words}`, '   - Framing sentence; states no fact.'];
  return [`${number}. ${words}`, ...part.rows.map((id) => {
    const row = rowsById.get(id);
    return row ? rowLine(row) : `   - **⚠ CHECK: fact ${id} is not in the fact sheet.**`;
  })];
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

/** The rows the guidance rests on, each with the parts that use it. */
function usedRows(t: Translate): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const entry of GUIDANCE) {
    for (const part of pagesOf(entry, null).flat()) {
      for (const id of part.rows) used.set(id, [...(used.get(id) ?? []), `${String(t(entry.titleKey))} (${part.key})`]);
    }
  }
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
    `${GUIDANCE.length + 1}. Flagged facts, for review`,
    '',
    ...GUIDANCE.flatMap((entry) => entrySection(t, entry)),
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
