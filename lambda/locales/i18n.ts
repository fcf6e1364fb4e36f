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
function ensureWordsFor(lng: string, key: unknown): void {
  if (Array.isArray(key)) {
    for (const each of key) ensureWordsFor(lng, each);
    return;
  }
  if (typeof key !== 'string') return;
  const group = key.split('.', 1)[0] as string;
  if (!SEPARATE_WORD_GROUPS.includes(group) || groupsPresent.has(`${lng}/${group}`)) return;
  if (instance.getResource(lng, 'translation', group) === undefined) {
    const words: unknown = JSON.parse(readFileSync(join(__dirname, wordGroupFile(lng, group)), 'utf8'));
    instance.addResourceBundle(lng, 'translation', { [group]: words }, true, false);
  }
  groupsPresent.add(`${lng}/${group}`);
}

type Options = Record<string, unknown>;

const isPlain = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

// A frozen object whose values are plain, or are such objects in turn, can never change: in a cache
// key it stands by identity, as a number of its own (0: not such an object). Decided once for each.
const unchangingIds = new WeakMap<object, number>();
let lastUnchangingId = 0;
function unchangingIdOf(value: object): number {
  if (!Object.isFrozen(value)) return 0;
  let id = unchangingIds.get(value);
  if (id === undefined) {
    const unchanging = Object.values(value).every((inner) => isPlain(inner) || (typeof inner === 'object' && inner !== null && unchangingIdOf(inner) !== 0));
    id = unchanging ? ++lastUnchangingId : 0;
    unchangingIds.set(value, id);
  }
  return id;
}

/** A cache key for a call whose result depends only on its key and its values; else undefined. */
function cacheKeyOf(key: unknown, options: Options | undefined): string | undefined {
  if (typeof key !== 'string') return undefined;
  let cacheKey = key;
  for (const name in options) {
    const value = options[name];
    if (isPlain(value)) {
      cacheKey += `\u0000${name}\u0001${String(value)}`;
      continue;
    }
    const id = typeof value === 'object' && value !== null ? unchangingIdOf(value) : 0;
    if (id === 0) return undefined;
    cacheKey += `\u0000${name}\u0002${id}`;
  }
  return cacheKey;
}

// i18next's own options (as opposed to values to insert): a call with any of them goes to t().
const I18NEXT_OPTIONS = new Set([
  'lng', 'lngs', 'fallbackLng', 'ns', 'count', 'context', 'ordinal', 'replace', 'interpolation', 'skipInterpolation',
  'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'keyPrefix', 'nsSeparator', 'keySeparator', 'nest',
]);
const isI18nextOption = (name: string) => I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue');
// The interpolation and nesting prefixes, i18next's defaults, which init above keeps.
const VALUE_PREFIX = '{{';
const NESTING_PREFIX = '$t(';

/**
 * A sentence with its values inserted, exactly as t() gives it, made with i18next's own resource
 * store and interpolator. t()'s general path (plurals, contexts, nesting, fallbacks, missing keys)
 * took about 1.3 ms to compile on its first call, on every cold start, more than anything else a
 * launch does; the skill's sentences need none of it. Undefined when the call needs more than this
 * (a key that is not one sentence, a sentence that nests another, i18next's own options): t() then
 * answers. tests/translator.test.ts checks every sentence against t().
 */
function sentenceWithValues(lng: string, key: unknown, values: Options | undefined): string | undefined {
  if (typeof key !== 'string') return undefined;
  const words: unknown = instance.getResource(lng, 'translation', key);
  if (typeof words !== 'string' || words.includes(NESTING_PREFIX)) return undefined;
  for (const name in values) if (isI18nextOption(name)) return undefined;
  return words.includes(VALUE_PREFIX) ? instance.services.interpolator.interpolate(words, values ?? {}, lng, {}) : words;
}

// Enough for every sentence of the skill with the values it inserts; past it the cache starts over.
const MAX_CACHED = 5000;

/**
 * i18next's translate costs several microseconds a call (it merges its options for each one), and
 * an answer makes dozens of calls: it was most of the time a warm request took. The resources never
 * change after start-up, so a sentence with the same values is the same string: keep it. Calls
 * whose whole options object can never change (the phone-number markers most sentences get) are
 * remembered by that object, without building a key from its values.
 */
function remembering(lng: string, t: TFunction): Translate {
  const i18nextCall = t as (key: unknown, options?: Options) => unknown;
  const call = (key: unknown, options?: Options): unknown => {
    ensureWordsFor(lng, key);
    return sentenceWithValues(lng, key, options) ?? i18nextCall(key, options);
  };
  const byFrozenOptions = new WeakMap<object, Map<string, string>>();
  const byValues = new Map<string, string>();
  const remember = (cache: Map<string, string>, cacheKey: string, translated: unknown) => {
    if (typeof translated !== 'string') return;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(cacheKey, translated);
  };
  const translate = (key: unknown, options?: Options): unknown => {
    if (typeof key === 'string' && options !== undefined && unchangingIdOf(options) !== 0) {
      let cache = byFrozenOptions.get(options);
      if (!cache) byFrozenOptions.set(options, (cache = new Map()));
      const known = cache.get(key);
      if (known !== undefined) return known;
      const translated = call(key, options);
      remember(cache, key, translated);
      return translated;
    }
    const cacheKey = cacheKeyOf(key, options);
    if (cacheKey === undefined) return call(key, options);
    const known = byValues.get(cacheKey);
    if (known !== undefined) return known;
    const translated = call(key, options);
    remember(byValues, cacheKey, translated);
    return translated;
  };
  // The wrapper takes and returns what TFunction does; its overloaded type cannot be written out here.
  return translate as unknown as Translate;
}

const translators = new Map<string, Translate>();

/** A translator for the request's locale, falling back to British English. */
export function translatorFor(locale: string | undefined): Translate {
  const lng = isSupportedLocale(locale) ? (locale as string) : DEFAULT_LOCALE;
  let translator = translators.get(lng);
  if (!translator) {
    translator = remembering(lng, instance.getFixedT(lng));
    translators.set(lng, translator);
  }
  return translator;
}

/** i18next's own t() for the locale, without the skill's shortcuts: tests compare the two. */
export function i18nextTranslatorFor(locale: string): TFunction {
  return instance.getFixedT(locale);
}

/** True when the key has words in the default locale (tests and start-up checks use it). */
export function hasWords(key: string): boolean {
  ensureWordsFor(DEFAULT_LOCALE, key);
  return instance.exists(key, { lng: DEFAULT_LOCALE });
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
