import { writtenYears } from '../lambda/speech/writtenYears';
import { translatorFor } from '../lambda/locales/i18n';
import { render } from '../lambda/speech/ssml';

describe('years in cards and text', () => {
  test.each([
    ['in twenty twenty-one', 'in 2021'],
    ['compiled in November twenty twenty-six.', 'compiled in November 2026.'],
    ['from nineteen ninety-six to twenty ten', 'from 1996 to 2010'],
    ['twenty twenty', '2020'],
    ['twenty people', 'twenty people'],
  ])('%s', (spoken, written) => expect(writtenYears(spoken)).toBe(written));

  test('the card shows the year as digits while the speech says it in words', () => {
    const r = render(translatorFor('en-GB'), [{ key: 'guidance.verify.london' }]);
    expect(r.card).toMatch(/in 2021/);
    expect(r.ssml).toMatch(/in twenty twenty-one/);
  });
});
