import type { Translate } from '../lambda/locales/i18n';
import { translatorFor } from '../lambda/locales/i18n';
import { cardText, sayLine, speak } from '../lambda/speech/ssml';

// One way to say a sentence: a line goes through t() once, and the speech, the plain words and the
// card text all come from that one result.
describe('a line, said once', () => {
  const t = translatorFor('en-GB');

  it('speaks phone numbers as people in the UK say them, and the card keeps the digits', () => {
    const said = sayLine(t, { key: 'launch.welcome' });
    expect(said.ssml).toContain('<sub alias="nine nine nine">999</sub>');
    expect(said.plain).toContain('call nine nine nine on your own phone');
    expect(said.card).toContain('call 999 on your own phone');
    expect(speak([said])).toBe(`<speak>${said.ssml}</speak>`);
  });

  it('escapes an inserted value for speech, shows it as written on the card, and lets no value stand in for a number', () => {
    // A translator that inserts values as i18next does, for a sentence that takes a name.
    const inserting = ((key: string, options: { name?: string; phone: Record<string, string> }) =>
      (key === 'test.sentence' ? `Ask ${options.name ?? ''} for help, or call ${options.phone['999'] ?? ''}.` : String(t(key)))) as unknown as Translate;
    const said = sayLine(inserting, { key: 'test.sentence', params: { name: 'Fish & <Chips>\uE000' } });
    expect(said.ssml).toBe('Ask Fish &amp; &lt;Chips&gt; for help, or call <sub alias="nine nine nine">999</sub>.');
    expect(said.card).toBe('Ask Fish & <Chips> for help, or call 999.');
    expect(sayLine(inserting, { key: 'test.sentence', params: { phone: 'one two three' } }).plain).toMatch(/call nine nine nine\.$/);
  });

  it('joins lines with a short pause, at the chosen rate, and joins their card text with spaces', () => {
    const lines = [sayLine(t, { key: 'stop.goodbye' }), sayLine(t, { key: 'launch.welcome' })];
    expect(speak(lines, { ratePercent: 90 })).toBe(`<speak><prosody rate="90%">${lines[0]?.ssml}<break time="300ms"/>${lines[1]?.ssml}</prosody></speak>`);
    expect(cardText(lines)).toBe(`${lines[0]?.card} ${lines[1]?.card}`);
  });
});
