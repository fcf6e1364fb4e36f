import enGB from '../lambda/locales/en-GB.json';
import { i18nextTranslatorFor, translatorFor } from '../lambda/locales/i18n';
import { PHONE_MARKERS } from '../lambda/speech/phones';

// The translator remembers sentences (a warm request spent most of its time in i18next); these
// check that remembering never hands back a sentence with the wrong values in it.
describe('the remembering translator', () => {
  const t = translatorFor('en-GB');

  it('gives the same sentence for the same key and values, and the same translator per locale', () => {
    expect(String(t('launch.welcome', PHONE_MARKERS))).toBe(String(t('launch.welcome', PHONE_MARKERS)));
    expect(translatorFor('en-GB')).toBe(t);
    expect(translatorFor('fr-FR')).toBe(t);
  });

  it('inserts fresh values every time, whatever it remembered for other values', () => {
    expect(Object.isFrozen(PHONE_MARKERS)).toBe(true);
    const withMarkers = String(t('launch.welcome', PHONE_MARKERS));
    const withWords = String(t('launch.welcome', { phone: { ...PHONE_MARKERS.phone, 999: 'nine nine nine' } }));
    const withDigits = String(t('launch.welcome', { phone: { ...PHONE_MARKERS.phone, 999: '999' } }));
    expect(withWords).toContain('call nine nine nine on your own phone');
    expect(withDigits).toContain('call 999 on your own phone');
    expect(withMarkers).not.toBe(withWords);
    expect(String(t('launch.welcome', { phone: { ...PHONE_MARKERS.phone, 999: 'nine nine nine' } }))).toBe(withWords);
  });

  it('never remembers by an options object that could still change inside', () => {
    const numbers = { ...PHONE_MARKERS.phone, 999: 'nine nine nine' };
    const options = Object.freeze({ phone: numbers });
    expect(String(t('launch.welcome', options))).toContain('call nine nine nine on your own phone');
    numbers[999] = 'nine, nine, nine';
    expect(String(t('launch.welcome', options))).toContain('call nine, nine, nine on your own phone');
  });

  it('passes through what it cannot remember safely (no options, a list of keys, objects as values)', () => {
    expect(String(t('phones.101'))).toBe('one oh one');
    expect(String(t(['missing.key', 'phones.112']))).toBe('one one two');
    expect(String(t('launch.welcome', { phone: { ...PHONE_MARKERS.phone, 999: { toString: () => 'nine' } as unknown as string } }))).toContain('call');
  });

  it("says every sentence exactly as i18next's own t() would, with markers, words or digits for the numbers", () => {
    const sentenceKeys = (node: unknown, path: string[] = []): string[] =>
      typeof node === 'string' ? [path.join('.')] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => sentenceKeys(v, [...path, k]));
    const keys = sentenceKeys(enGB.translation);
    expect(keys.length).toBeGreaterThan(250);
    const i18nextT = i18nextTranslatorFor('en-GB');
    const withWords = Object.freeze({ phone: Object.freeze({ ...PHONE_MARKERS.phone, 999: 'nine nine nine', 101: 'one oh one' }) });
    const unfrozen = { phone: { ...PHONE_MARKERS.phone, 999: '999' }, extra: 'value' };
    for (const options of [PHONE_MARKERS, withWords, unfrozen, undefined]) {
      const differing = keys.filter((key) => String(t(key, options)) !== String(i18nextT(key, options)));
      expect(differing).toEqual([]);
    }
    // i18next's own options still reach t(), and keys that are not one sentence are t()'s to answer.
    expect(String(t('launch.welcome', { ...PHONE_MARKERS, defaultValue: 'x' }))).toBe(String(i18nextT('launch.welcome', { ...PHONE_MARKERS, defaultValue: 'x' })));
    expect(String(t('no.such.key', PHONE_MARKERS))).toBe(String(i18nextT('no.such.key', PHONE_MARKERS)));
    expect(String(t('offers', PHONE_MARKERS))).toBe(String(i18nextT('offers', PHONE_MARKERS)));
  });
});
