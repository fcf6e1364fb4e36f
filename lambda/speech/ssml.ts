import type { Translate } from '../locales/i18n';
import { PHONE_MARKERS, replaceMarkedNumbers, stripMarkers } from './phones';
import { writtenYears } from './writtenYears';

/** One sentence (or short group) to say: a locale key and the values it interpolates. */
export interface Line {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

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

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Characters SSML cannot carry at all (XML 1.0 forbids most control characters). */
function dropUnspeakable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function translate(t: Translate, line: Line): string {
  // Phone numbers last, so no value can stand in for a number the sentence speaks; with no values of
  // its own, the line passes the shared frozen markers, by which the translator remembers sentences.
  return String(t(line.key, line.params ? { ...line.params, ...PHONE_MARKERS } : PHONE_MARKERS));
}

/**
 * One translated sentence in each of its three forms. The SSML is made at once; the plain and card
 * text only when first asked for: most answers have no card and no screen, and making them anyway
 * cost about 0.2 ms of every cold start.
 */
class RenderedLine {
  private plainText: string | undefined;
  private cardText: string | undefined;
  readonly ssml: string;

  constructor(private readonly t: Translate, private readonly speakable: string) {
    this.ssml = stripMarkers(replaceMarkedNumbers(escapeXml(speakable), (digits) => `<sub alias="${escapeXml(this.alias(digits))}">${digits}</sub>`));
  }

  get plain(): string {
    this.plainText ??= stripMarkers(replaceMarkedNumbers(this.speakable, (digits) => this.alias(digits)));
    return this.plainText;
  }

  get card(): string {
    this.cardText ??= writtenYears(stripMarkers(replaceMarkedNumbers(this.speakable, (digits) => digits)));
    return this.cardText;
  }

  private alias(digits: string): string {
    return String(this.t(`phones.${digits}`));
  }
}

// The same few hundred sentences are said again and again, so each is rendered once per warm
// container. Bounded, because a sentence can carry inserted values; the phone words come from the
// locale, so the translator is part of the key.
const MAX_REMEMBERED_LINES = 2000;
const renderedLines = new WeakMap<Translate, Map<string, RenderedLine>>();

function rendered(t: Translate, text: string): RenderedLine {
  let lines = renderedLines.get(t);
  if (!lines) renderedLines.set(t, (lines = new Map()));
  let line = lines.get(text);
  if (!line) {
    if (lines.size >= MAX_REMEMBERED_LINES) lines.clear();
    line = new RenderedLine(t, dropUnspeakable(text));
    lines.set(text, line);
  }
  return line;
}

/**
 * The one place SSML is built. Every translated sentence, with whatever values were inserted into
 * it, is escaped here before any tag is added.
 */
export function render(t: Translate, lines: readonly Line[], voice: VoiceSettings = NORMAL_VOICE): Rendered {
  const parts = lines.map((line) => rendered(t, translate(t, line)));
  const body = parts.map((part) => part.ssml).join(PAUSE_BETWEEN_LINES);
  const rate = Math.round(voice.ratePercent);
  const voiced = rate === 100 ? body : `<prosody rate="${rate}%">${body}</prosody>`;
  return {
    ssml: `<speak>${voiced}</speak>`,
    get plain() {
      return parts.map((part) => part.plain).join(' ');
    },
    get card() {
      return parts.map((part) => part.card).join(' ');
    },
  };
}
