import type { ResponseEnvelope } from 'ask-sdk-model';
import { GUIDANCE, pagesOf } from '../lambda/guidance';
import { translatorFor } from '../lambda/locales/i18n';
import { render } from '../lambda/speech/ssml';
import { intent, SessionDriver } from './support/requests';
import { said, skillWithStore } from './support/skillWithStore';
import { problemsWith } from './support/wellFormed';

const t = translatorFor('en-GB');
const cardOf = (r: ResponseEnvelope) => (r.response.card?.type === 'Simple' ? { title: r.response.card.title ?? '', content: r.response.card.content ?? '' } : null);

describe('send it to my phone', () => {
  test.each(GUIDANCE.map((entry) => [entry.id, entry] as const))('%s: says Alexa cannot text, and puts every step in a titled card', async (_id, entry) => {
    const d = new SessionDriver(skillWithStore().handler);
    await d.send(intent(entry.intent));
    const r = await d.send(intent('SendToPhoneIntent'));
    expect(said(r)).toMatch(/^Alexa can't send texts or messages\. .*in the Alexa app/);
    expect(await problemsWith(r)).toEqual([]);
    const card = cardOf(r);
    expect(card?.title).toBe(String(t(entry.titleKey)));
    const content = card?.content ?? '';
    // Every part of every page, nation notes included, in the card's own words (digits for numbers).
    // A nation's note that is also a detail part (the same key) is one step.
    const parts = [...new Map([...entry.summary, ...entry.detail.flat(), ...Object.values(entry.nations)].map((p) => [p.key, p])).values()];
    for (const part of parts) expect(content).toContain(render(t, [{ key: part.key }]).card);
    // Numbered, one step a line, nothing spoken-only, no placeholders left.
    const steps = content.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(steps.map((line) => Number(line.split('.')[0]))).toEqual(parts.map((_, i) => i + 1));
    expect(content).not.toMatch(/say more to hear how|\{\{/);
    expect(content).toMatch(/call 999 on your own phone/);
    if (Object.keys(entry.nations).length > 0) expect(content).toMatch(/\n\nWhere the law differs: Scotland and Northern Ireland\n\d+\. In /);
    expect(pagesOf(entry).length).toBeGreaterThan(0);
  });

  test('with no topic yet, it says so honestly and asks what to look up', async () => {
    const r = await new SessionDriver(skillWithStore().handler).send(intent('SendToPhoneIntent'));
    expect(said(r)).toMatch(/can't send texts.*Ask me about something first/);
    expect(r.response.card).toBeUndefined();
    expect(r.response.shouldEndSession).toBe(false);
    expect(await problemsWith(r)).toEqual([]);
  });
});
