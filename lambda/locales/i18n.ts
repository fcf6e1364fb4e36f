import i18next from 'i18next';
import enGB from './en-GB.json';

/** The words of a locale key, in one locale: i18next's t(), its locale fixed. */
export type Translate = (key: string, options?: Readonly<Record<string, unknown>>) => string;

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
  // Every key is a path in the one namespace ("launch.welcome"), never a sentence used as its own key
  // nor "namespace:key": said outright, so t() does not guess it again from each key it is given.
  keySeparator: '.',
  nsSeparator: false,
  // Values are inserted unescaped here because speech/ escapes the whole sentence once, after
  // interpolation, for SSML; escaping twice would make Alexa read "&amp;" aloud.
  interpolation: { escapeValue: false },
});

export function isSupportedLocale(locale: string | undefined): boolean {
  return (SUPPORTED_LOCALES as readonly string[]).includes(locale ?? '');
}

/** i18next's t() for the request's locale, falling back to British English. */
export function translatorFor(locale: string | undefined): Translate {
  const lng = isSupportedLocale(locale) ? (locale as string) : DEFAULT_LOCALE;
  // The locale goes in t()'s options rather than through getFixedT, whose wrapper copies every
  // i18next setting on each call: a share of a warm request that the bench shows.
  return (key, options) => instance.t(key, { ...options, lng });
}

/**
 * True when the key names a sentence (a string, not a group of keys) in the default locale. Keys
 * read back from a session are checked with it, so a broken session can never make the skill speak
 * a missing key's name or an i18next message.
 */
export function isSentenceKey(key: string): boolean {
  return typeof instance.getResource(DEFAULT_LOCALE, 'translation', key) === 'string';
}
