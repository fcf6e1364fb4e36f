import type { Translate } from '../locales/i18n';
import type { Line } from '../locales/line';
import { PHONE_MARKERS, replaceMarkedNumbers, stripMarkers } from './phones';
import { writtenYears } from './writtenYears';

export type { Line } from '../locales/line';

/** What one answer becomes: SSML for Alexa, the same words as plain text, and card text. */
export interface Rendered {
  readonly ssml: string;
  readonly plain: string;
  readonly card: string;
}

export interface VoiceSettings {
  /** Speaking rate as a percentage of normal (SSML prosody); 100 is Alexa's own rate. */
  readonly ratePercent: number;
}

export const NORMAL_VOICE: VoiceSettings = { ratePercent: 100 };

const PAUSE_BETWEEN_LINES = '<break time="300ms"/>';

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Every character XML gives a meaning to, as its entity, in one pass over the text. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Characters SSML cannot carry at all (XML 1.0 forbids most control characters). */
function dropUnspeakable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** One line, said once through t(), in each form an answer uses it. */
export interface SaidLine {
  /** For Alexa: escaped, phone numbers as the words people in the UK say them. */
  readonly ssml: string;
  /** The same words as plain text, for a screen reader's label. */
  readonly plain: string;
  /** For the card and the screen: phone numbers and years in digits. */
  readonly card: string;
}

/**
 * A line's words from its one t() call, phone numbers still marked. The speech is made at once; the
 * plain text and the card text only when a screen or a card asks for them, from the same words.
 */
class MarkedLine implements SaidLine {
  readonly ssml: string;
  // Each number's spoken words are looked up once, though the SSML and the plain text both use them.
  private readonly aliases = new Map<string, string>();

  constructor(private readonly t: Translate, private readonly words: string) {
    this.ssml = stripMarkers(replaceMarkedNumbers(escapeXml(words), (digits) => `<sub alias="${escapeXml(this.alias(digits))}">${digits}</sub>`));
  }

  get plain(): string {
    return stripMarkers(replaceMarkedNumbers(this.words, (digits) => this.alias(digits)));
  }

  get card(): string {
    return writtenYears(stripMarkers(replaceMarkedNumbers(this.words, (digits) => digits)));
  }

  private alias(digits: string): string {
    let words = this.aliases.get(digits);
    if (words === undefined) this.aliases.set(digits, (words = String(this.t(`phones.${digits}`))));
    return words;
  }
}

/**
 * The one place a line becomes words: one t() call, its phone numbers marked so that each form can
 * say them its own way. Every inserted value is escaped here, with the sentence, before any tag is
 * added; the phone markers go last, so no value can stand in for a number the sentence speaks.
 */
export function sayLine(t: Translate, line: Line): SaidLine {
  return new MarkedLine(t, dropUnspeakable(String(t(line.key, { ...line.params, ...PHONE_MARKERS }))));
}

/** Lines already said, as one SSML document at the user's rate, with a short pause between lines. */
export function speak(lines: readonly SaidLine[], voice: VoiceSettings = NORMAL_VOICE): string {
  const body = lines.map((line) => line.ssml).join(PAUSE_BETWEEN_LINES);
  const rate = Math.round(voice.ratePercent);
  return `<speak>${rate === 100 ? body : `<prosody rate="${rate}%">${body}</prosody>`}</speak>`;
}

/** Card text of lines already said. */
export const cardText = (lines: readonly SaidLine[]): string => lines.map((line) => line.card).join(' ');

/** Lines in all three forms at once, for callers outside an answer (the error handler, the text guide). */
export function render(t: Translate, lines: readonly Line[], voice: VoiceSettings = NORMAL_VOICE): Rendered {
  const said = lines.map((line) => sayLine(t, line));
  return { ssml: speak(said, voice), plain: said.map((line) => line.plain).join(' '), card: cardText(said) };
}
