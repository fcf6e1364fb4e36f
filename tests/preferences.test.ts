import { captureLogs } from './support/quietLogs';
import { SkillBuilders, type HandlerInput } from 'ask-sdk-core';
import { applyPreferences, changePreferences, loadPreferences } from '../lambda/handlers/support/userPreferences';
import { readPreferences } from '../lambda/persistence/preferences';
import { translatorFor } from '../lambda/locales/i18n';
import { recordStore } from '../lambda/persistence/recordStore';
import { deleteUserData, startStoreRequest } from '../lambda/persistence/userData';
import { buildEnvelope, newSession } from '../simulator/envelope';
import { MemoryAdapter } from './support/memoryAdapter';
import { intent, SessionDriver } from './support/requests';
import { rateOf, said, skillWithStore } from './support/skillWithStore';
import { problemsWith } from './support/wellFormed';

describe('speech rate', () => {
  test('slower steps down one rate at a time, announced at the new rate, until the slowest', async () => {
    const { handler } = skillWithStore();
    const d = new SessionDriver(handler);
    const rates: number[] = [];
    const words: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await d.send(intent('SpeakSlowerIntent'));
      expect(await problemsWith(r)).toEqual([]);
      expect(r.response.shouldEndSession).toBe(false);
      rates.push(rateOf(r));
      words.push(said(r));
    }
    expect(rates).toEqual([90, 80, 70, 70]);
    expect(words[0]).toMatch(/speak more slowly, like this/);
    expect(words[3]).toMatch(/already the slowest/);
  });

  test('Alexa\'s own speaking rate is mentioned on leaving the normal rate, not on every step', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    expect(said(await d.send(intent('SpeakSlowerIntent')))).toMatch(/Alexa's own speaking rate setting works alongside/);
    expect(said(await d.send(intent('SpeakSlowerIntent')))).not.toMatch(/Alexa's own/);
  });

  test('faster steps up, normal speed restores Alexa\'s own rate, and every answer after follows', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    expect(rateOf(await d.send(intent('SpeakFasterIntent')))).toBe(115);
    expect(rateOf(await d.send(intent('SpeakFasterIntent')))).toBe(130);
    expect(said(await d.send(intent('SpeakFasterIntent')))).toMatch(/already the fastest/);
    expect(rateOf(await d.send(intent('QuestionsToAskIntent')))).toBe(130);
    const normal = await d.send(intent('NormalSpeedIntent'));
    expect(rateOf(normal)).toBe(100);
    expect(said(normal)).toMatch(/Back to my normal speed/);
    expect(said(await d.send(intent('NormalSpeedIntent')))).toMatch(/already speaking at my normal speed/);
  });

  test('the rate is remembered into the next session, and the reprompt keeps it too', async () => {
    const { handler, store } = skillWithStore();
    await new SessionDriver(handler).send(intent('SpeakSlowerIntent'));
    const next = await new SessionDriver(handler).send(intent('CheckOfficerIsRealIntent'));
    expect(rateOf(next)).toBe(90);
    const reprompt = next.response.reprompt?.outputSpeech;
    expect(reprompt?.type === 'SSML' ? reprompt.ssml : '').toContain('<prosody rate="90%">');
    // Back to normal: nothing left worth keeping, so nothing is kept.
    await new SessionDriver(handler).send(intent('NormalSpeedIntent'));
    expect(store.items.size).toBe(0);
  });

  test('with a failing store the change still works for this session, and the answer says it will not last', async () => {
    const store = new MemoryAdapter();
    store.failing = true;
    const errors = captureLogs();
    const d = new SessionDriver(skillWithStore(store).handler);
    const slower = await d.send(intent('SpeakSlowerIntent'));
    expect(rateOf(slower)).toBe(90);
    expect(said(slower)).toMatch(/lasts only until you close the skill/);
    expect(rateOf(await d.send(intent('QuestionsToAskIntent')))).toBe(90);
    expect(errors.text()).not.toMatch(/amzn1|SIMULATOR/);
    errors.restore();
  });

  test('a damaged or tampered stored record falls back to defaults', () => {
    expect(readPreferences({ ratePercent: 5, answers: 'none', nation: 'wales' })).toEqual({ ratePercent: 100, answers: 'full', nation: null });
    expect(readPreferences('fast')).toEqual({ ratePercent: 100, answers: 'full', nation: null });
    expect(readPreferences({ ratePercent: 80, answers: 'short', nation: 'scotland' })).toEqual({ ratePercent: 80, answers: 'short', nation: 'scotland' });
  });

  test('a tampered store cannot make speech too fast or too slow', async () => {
    const { handler, store } = skillWithStore();
    await new SessionDriver(handler).send(intent('SpeakSlowerIntent'));
    for (const item of store.items.values()) item.preferences = { ratePercent: 400 };
    expect(rateOf(await new SessionDriver(handler).send(intent('QuestionsToAskIntent')))).toBe(100);
  });
});

describe('the nation, through the preferences API', () => {
  // A request of its own, with the store set up as the skill does, running `body`.
  async function inRequest<T>(store: MemoryAdapter, body: (input: HandlerInput) => Promise<T>): Promise<T> {
    let result: T | undefined;
    await SkillBuilders.custom().addRequestHandlers({
      canHandle: () => true,
      handle: async (input) => {
        startStoreRequest(input, recordStore(store));
        await applyPreferences(input);
        result = await body(input);
        return input.responseBuilder.getResponse();
      },
    }).create().invoke(buildEnvelope(intent('AMAZON.HelpIntent'), newSession()));
    return result as T;
  }

  test('is saved like the speech rate, read back in the next session, and cleared by forget me', async () => {
    const store = new MemoryAdapter();
    expect((await inRequest(store, (input) => changePreferences(input, { nation: 'scotland' }))).saved).toBe(true);
    await inRequest(store, (input) => changePreferences(input, { ratePercent: 80 }));
    expect(await inRequest(store, loadPreferences)).toEqual({ ratePercent: 80, answers: 'full', nation: 'scotland' });
    await inRequest(store, deleteUserData);
    expect((await inRequest(store, loadPreferences)).nation).toBeNull();
    expect(store.items.size).toBe(0);
  });
});

describe('answer length', () => {
  test('short answers give one point at a time, and "more" reaches every point', async () => {
    const { handler } = skillWithStore();
    const full = new SessionDriver(handler);
    const fullPages: string[] = [];
    let r = await full.send(intent('WalkingAwayIntent'));
    for (let i = 0; i < 20 && !/That's everything/.test(said(r)); i++) {
      fullPages.push(said(r));
      r = await full.send(intent('AMAZON.NextIntent'));
    }

    const d = new SessionDriver(handler);
    expect(said(await d.send(intent('ShortAnswersIntent')))).toMatch(/one point at a time/);
    const shortPages: string[] = [];
    r = await d.send(intent('WalkingAwayIntent'));
    for (let i = 0; i < 30 && !/That's everything/.test(said(r)); i++) {
      expect(await problemsWith(r)).toEqual([]);
      shortPages.push(said(r));
      r = await d.send(intent('AMAZON.NextIntent'));
    }
    expect(shortPages.length).toBeGreaterThan(fullPages.length);
    expect((shortPages[0] ?? '').length).toBeLessThan((fullPages[0] ?? '').length);
    // Nothing is lost: every sentence of the full answers is somewhere in the short ones.
    const sentences = (pages: string[]) => pages.join(' ').replace(/(Would you like to hear more|What else would you like to know)\?/g, '')
      .split(/(?<=[.?])\s+/).map((s) => s.trim()).filter(Boolean);
    const shortText = shortPages.join(' ');
    expect(sentences(fullPages).filter((s) => !shortText.includes(s))).toEqual([]);
  });

  test('short answers are remembered, the danger answer is always whole, and full answers restore', async () => {
    const { handler } = skillWithStore();
    await new SessionDriver(handler).send(intent('ShortAnswersIntent'));
    const d = new SessionDriver(handler);
    const danger = await d.send(intent('InDangerIntent'));
    expect(said(danger)).toMatch(/^Call nine nine nine.*Tell the call handler where you are.*Alexa can't call.*get to people.*press five five/);
    const questions = await d.send(intent('QuestionsToAskIntent'));
    expect(said(questions)).not.toMatch(/where are your colleagues/);
    expect(said(await d.send(intent('FullAnswersIntent')))).toMatch(/full answers/);
    expect(said(await d.send(intent('QuestionsToAskIntent')))).toMatch(/where are your colleagues/);
  });
});

describe('forget me', () => {
  test('deletes everything stored, says so, and speaks at the normal rate from then on', async () => {
    const { handler, store } = skillWithStore();
    await new SessionDriver(handler).send(intent('ShortAnswersIntent'));
    const d = new SessionDriver(handler);
    await d.send(intent('SpeakSlowerIntent'));
    expect(store.items.size).toBe(1);
    const forget = await d.send(intent('ForgetMeIntent'));
    expect(said(forget)).toMatch(/deleted everything I'd saved for you.*never keep what you say/);
    expect(rateOf(forget)).toBe(100);
    expect(store.items.size).toBe(0);
    expect(rateOf(await d.send(intent('QuestionsToAskIntent')))).toBe(100);
    expect(await problemsWith(forget)).toEqual([]);
  });

  test('when the store fails, it says nothing was deleted rather than pretending', async () => {
    const store = new MemoryAdapter();
    const { handler } = skillWithStore(store);
    await new SessionDriver(handler).send(intent('SpeakSlowerIntent'));
    store.failing = true;
    const errors = captureLogs();
    const forget = await new SessionDriver(handler).send(intent('ForgetMeIntent'));
    expect(said(forget)).toMatch(/couldn't reach my storage.*nothing was deleted/);
    expect(forget.response.shouldEndSession).toBe(false);
    errors.restore();
  });
});

describe('help', () => {
  test('mentions the rate and the phone card, briefly; the rest of the settings wait on its next page', async () => {
    const r = await new SessionDriver(skillWithStore().handler).send(intent('AMAZON.HelpIntent'));
    const words = said(r);
    for (const phrase of [/slower/, /faster/, /send it to my phone/]) expect(words).toMatch(phrase);
    // Short enough to follow by ear: the rest (help.more) is for "more" once help has pages.
    expect(words.split(/\s+/).length).toBeLessThan(60);
    const more = String(translatorFor('en-GB')('help.more'));
    for (const phrase of [/short answers/, /forget me/, /Alexa's own speaking rate/]) expect(more).toMatch(phrase);
  });
});
