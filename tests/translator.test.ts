import { translatorFor } from '../lambda/locales/i18n';
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
});
