import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import enGB from './en-GB.json';
import { SEPARATE_WORD_GROUPS, wordGroupFile } from './wordGroups';

export type Translate = TFunction;

/** The locales the skill has words for; any other is answered in the first. */
const SUPPORTED_LOCALES = ['en-GB'] as const;
const DEFAULT_LOCALE = SUPPORTED_LOCALES[0];

// One instance, initialised synchronously once per cold start: every request reuses it.
const instance = i18next.createInstance();
void instance.init({
  resources: { 'en-GB': enGB },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  initAsync: false,
  returnNull: false,
  // Values are inserted unescaped here because speech/ escapes the whole sentence once, after
  // interpolation, for SSML; escaping twice would make Alexa read "&amp;" aloud.
  interpolation: { escapeValue: false },
});

export function isSupportedLocale(locale: string | undefined): boolean {
  return (SUPPORTED_LOCALES as readonly string[]).includes(locale ?? '');
}

// The separate word groups (see wordGroups.ts) each locale already has: "en-GB/guidance".
const groupsPresent = new Set<string>();

/**
 * Makes sure the words for `key` are loaded: a key in a separate group that the bundle keeps in a
 * file of its own is read from that file the first time. A missing file throws, and the request gets
 * the error handler's calm answer, never a key's name spoken.
 */
function ensureWordsFor(lng: string, key: string): void {
  const group = key.split('.', 1)[0] as string;
  if (!SEPARATE_WORD_GROUPS.includes(group) || groupsPresent.has(`${lng}/${group}`)) return;
  if (instance.getResource(lng, 'translation', group) === undefined) {
    const words: unknown = JSON.parse(readFileSync(join(__dirname, wordGroupFile(lng, group)), 'utf8'));
    instance.addResourceBundle(lng, 'translation', { [group]: words }, true, false);
  }
  groupsPresent.add(`${lng}/${group}`);
}

const localeOf = (locale: string | undefined): string => (isSupportedLocale(locale) ? (locale as string) : DEFAULT_LOCALE);

/** i18next's t() for the request's locale, falling back to British English. */
export function translatorFor(locale: string | undefined): Translate {
  const lng = localeOf(locale);
  const t = instance.getFixedT(lng);
  return ((key: string, options?: Record<string, unknown>) => {
    ensureWordsFor(lng, key);
    return t(key, options);
  }) as Translate;
}

/**
 * True when the key names a sentence (a string, not a group of keys) in the default locale. Keys
 * read back from a session are checked with it, so a broken session can never make the skill speak
 * a missing key's name or an i18next message.
 */
export function isSentenceKey(key: string): boolean {
  ensureWordsFor(DEFAULT_LOCALE, key);
  return typeof instance.getResource(DEFAULT_LOCALE, 'translation', key) === 'string';
}
