import type { ResponseEnvelope } from 'ask-sdk-model';
import { captureLogs } from './support/quietLogs';
import { GUIDANCE, pagesOf, type GuidanceEntry, type Nation } from '../lambda/guidance';
import { translatorFor } from '../lambda/locales/i18n';
import { render } from '../lambda/speech/ssml';
import { intent, SessionDriver } from './support/requests';
import { said, skillWithStore } from './support/skillWithStore';
import { problemsWith } from './support/wellFormed';
import { saysDangerFirst } from '../scripts/dangerFirst';
import type { MemoryAdapter } from './support/memoryAdapter';

// The law where the user is (issue 11): a nation named once is remembered like the speech rate, and
// every answer gives that nation's law on its first page.

const NATION_QUESTION = /Are you in England, Wales, Scotland or Northern Ireland\?$/;
const t = translatorFor('en-GB');
const words = (parts: readonly { key: string }[]) => render(t, parts.map((p) => ({ key: p.key }))).plain;
const countWords = (text: string) => text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;

const place = (id: string, value = id) => ({ nation: { value, id } });
const inNation = (id: string, value = id) => intent('SetNationIntent', place(id, value), ['nation']);
const ask = (name: string, nation?: string) => intent(name, nation ? place(nation) : {}, ['nation']);
const storedNation = (store: MemoryAdapter) =>
  [...store.items.values()].map((item) => (item.preferences as { nation?: unknown } | undefined)?.nation ?? null);

async function send(d: SessionDriver, body: Parameters<SessionDriver['send']>[0]): Promise<ResponseEnvelope> {
  const r = await d.send(body);
  expect(await problemsWith(r)).toEqual([]);
  return r;
}

const noteOf = (entryId: string, nation: Nation) => {
  const note = GUIDANCE.find((e) => e.id === entryId)?.nations[nation];
  if (!note) throw new Error(`${entryId} has no note for ${nation}`);
  return words([note]);
};

describe('naming the nation', () => {
  test('"I\'m in Scotland" is confirmed briefly, kept open, remembered, and the next session gives Scottish law first', async () => {
    const { handler, store } = skillWithStore();
    const r = await send(new SessionDriver(handler), inNation('scotland'));
    expect(said(r)).toMatch(/^All right: Scotland\. I'll give you Scottish law first\. What would you like to know\?$/);
    expect(r.response.shouldEndSession).toBe(false);
    expect(storedNation(store)).toEqual(['scotland']);

    const next = await send(new SessionDriver(handler), ask('QuestionsToAskIntent'));
    expect(said(next)).toContain(noteOf('questions', 'scotland'));
    expect(said(next)).not.toMatch(NATION_QUESTION);
    expect(said(next)).not.toMatch(/say more to hear how/);
  });

  test('saying another nation changes it; "forget me" clears it, and the question is asked again', async () => {
    const { handler, store } = skillWithStore();
    const d = new SessionDriver(handler);
    await send(d, inNation('scotland'));
    const ni = await send(d, inNation('northern_ireland'));
    expect(said(ni)).toMatch(/^All right: Northern Ireland\./);
    expect(storedNation(store)).toEqual(['northern_ireland']);
    expect(said(await send(d, ask('WalkingAwayIntent')))).toContain(noteOf('running', 'northern_ireland'));

    await send(d, intent('ForgetMeIntent'));
    expect(store.items.size).toBe(0);
    const after = await send(new SessionDriver(handler), ask('WalkingAwayIntent'));
    expect(said(after)).toMatch(NATION_QUESTION);
    expect(said(after)).not.toContain(noteOf('running', 'northern_ireland'));
  });

  test('England and Wales are remembered too, and then no answer asks where you are', async () => {
    const { handler, store } = skillWithStore();
    const d = new SessionDriver(handler);
    expect(said(await send(d, inNation('england_wales', 'wales')))).toMatch(/^All right: England and Wales\./);
    expect(storedNation(store)).toEqual(['england_wales']);
    const answer = await send(new SessionDriver(handler), ask('WalkingAwayIntent'));
    expect(said(answer)).not.toMatch(NATION_QUESTION);
    expect(said(answer)).toMatch(/Would you like to hear more\?$/);
  });

  test('"Ireland" alone is asked again and nothing is stored; "Northern Ireland" then is', async () => {
    const { handler, store } = skillWithStore();
    const d = new SessionDriver(handler);
    const r = await send(d, inNation('ireland'));
    expect(said(r)).toMatch(/Do you mean Northern Ireland, or the Republic( of Ireland)?\?$/);
    expect(r.response.shouldEndSession).toBe(false);
    expect(store.items.size).toBe(0);
    await send(d, inNation('northern_ireland'));
    expect(storedNation(store)).toEqual(['northern_ireland']);
  });

  test('a place outside the UK gets the guide\'s reach and 112, and no law that pretends to be that country\'s', async () => {
    const { handler, store } = skillWithStore();
    const r = await send(new SessionDriver(handler), inNation('outside_uk', 'france'));
    expect(said(r)).toBe('This guide covers the UK only. In Europe, the emergency number is one one two. What else would you like to know?');
    expect(store.items.size).toBe(0);
    // Asked as a question about a place abroad: the same, and none of the UK's answer.
    const question = await send(new SessionDriver(handler), ask('WalkingAwayIntent', 'outside_uk'));
    expect(said(question)).toBe(said(r));
    expect(store.items.size).toBe(0);
  });

  test('words taken for a nation that name none ("I\'m cornered") hear 999 first, then where are you, and nothing is stored', async () => {
    const { handler, store } = skillWithStore();
    const r = await send(new SessionDriver(handler), intent('SetNationIntent', {}, ['nation']));
    expect(said(r)).toMatch(/^In danger now\? Call nine nine nine\. I didn't catch where you are\. .*Northern Ireland\?$/);
    expect(r.response.shouldEndSession).toBe(false);
    expect(store.items.size).toBe(0);
  });

  test('a nation named in a question counts, and is remembered for the next session', async () => {
    const { handler, store } = skillWithStore();
    const first = await send(new SessionDriver(handler), ask('QuestionsToAskIntent', 'scotland'));
    expect(said(first)).toContain(noteOf('questions', 'scotland'));
    expect(said(first)).not.toMatch(NATION_QUESTION);
    expect(storedNation(store)).toEqual(['scotland']);
    const later = await send(new SessionDriver(handler), ask('WalkingAwayIntent'));
    expect(said(later)).toContain(noteOf('running', 'scotland'));
  });

  test('with a failing store the nation still holds for the session, and the answer says it will not last', async () => {
    const { handler, store } = skillWithStore();
    store.failing = true;
    const logs = captureLogs();
    const d = new SessionDriver(handler);
    expect(said(await send(d, inNation('scotland')))).toMatch(/lasts only until you close the skill/);
    expect(said(await send(d, ask('QuestionsToAskIntent')))).toContain(noteOf('questions', 'scotland'));
    logs.restore();
  });
});

describe('where the user is, asked once', () => {
  test('the first answer that differs by nation asks where you are as its closing question; the next does not', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    const first = await send(d, ask('WalkingAwayIntent'));
    expect(said(first)).toMatch(NATION_QUESTION);
    expect(first.response.shouldEndSession).toBe(false);
    const second = await send(d, ask('QuestionsToAskIntent'));
    expect(said(second)).not.toMatch(NATION_QUESTION);
  });

  test('the danger answer never asks, not even first', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    const danger = await send(d, ask('InDangerIntent'));
    expect(said(danger)).not.toMatch(/Are you in England/);
    // The question is still there for the first answer that differs.
    expect(said(await send(d, ask('WalkingAwayIntent')))).toMatch(NATION_QUESTION);
  });

  test('the reply names the nation: confirmed, that nation\'s note for the answer, then more of it', async () => {
    const { handler, store } = skillWithStore();
    const d = new SessionDriver(handler);
    await send(d, ask('WalkingAwayIntent'));
    const reply = await send(d, inNation('scotland'));
    expect(said(reply)).toBe(`All right: Scotland. I'll give you Scottish law first. ${noteOf('running', 'scotland')} Would you like to hear more?`);
    expect(storedNation(store)).toEqual(['scotland']);
    const more = await send(d, intent('AMAZON.MoreIntent'));
    expect(said(more)).toMatch(/A court there has said genuine self-defence/);
    expect(said(more)).not.toContain(noteOf('running', 'scotland'));
  });
});

describe('"and in Wales?" just after an answer', () => {
  const conversationTopic = (r: ResponseEnvelope) => (r.sessionAttributes?.conversation as { topic?: string | null } | undefined)?.topic;

  test('an answer with no note there: the part being read, again, as that nation hears it, and the answer goes on', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    const first = said(await send(d, ask('PlainClothesOfficerIntent')));
    const r = await send(d, inNation('scotland'));
    expect(said(r)).toBe(`All right: Scotland. I'll give you Scottish law first. ${first}`);
    expect(conversationTopic(r)).toBe('plain_clothes');
  });

  test('an answer heard as another nation\'s: its part again as the named nation hears it, without the other nation\'s note', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    const scottish = said(await send(d, ask('CheckOfficerIsRealIntent', 'scotland')));
    const r = await send(d, inNation('england_wales', 'wales'));
    expect(scottish).toContain(noteOf('verify', 'scotland'));
    expect(said(r)).toMatch(/^All right: England and Wales\. I'll give you the law there first\. Call nine nine nine on your own phone to check the officer is genuine\..*Would you like to hear more\?$/);
    expect(said(r)).not.toContain(noteOf('verify', 'scotland'));
  });

  const withNotes = GUIDANCE.filter((e) => !e.whole && Object.keys(e.nations).length > 0);
  const priors: (Nation | null)[] = [null, 'england_wales', 'scotland', 'northern_ireland'];
  const END_OF_ANSWER = /That's everything I have on that|what else I can help with\?$|practise what to say\?$|practise\?$/;

  /**
   * One conversation: the answer asked for with `prior` known, read to `page`, `named` said, then
   * "more" to the end: what was heard before and after naming; null once `page` is past `stopAt`.
   */
  async function nameOnPage(length: string, entry: GuidanceEntry, prior: Nation | null, page: number, named: Nation, stopAt: RegExp): Promise<{ before: string; pages: string[]; after: string[] } | null> {
    const d = new SessionDriver(skillWithStore().handler);
    if (length === 'short') await d.send(intent('ShortAnswersIntent'));
    const before = [said(await d.send(ask(entry.intent, prior ?? undefined)))];
    for (let k = 0; k < page; k++) before.push(said(await d.send(intent('AMAZON.MoreIntent'))));
    if (stopAt.test(before[before.length - 1] ?? '')) return null;
    const after = [said(await d.send(inNation(named)))];
    while (!END_OF_ANSWER.test(after[after.length - 1] ?? '') && after.length < 20) after.push(said(await d.send(intent('AMAZON.MoreIntent'))));
    return { before: before.join(' '), pages: before, after };
  }
  const missedParts = (entry: GuidanceEntry, named: Nation, heard: string): string[] =>
    pagesOf(entry, named).flat().map((part) => words([part])).filter((w) => !heard.includes(w));
  /**
   * Parts said again from the reply to naming on: that reply may say the part being read again, as
   * that nation has it, but nothing of the pages before it; after it, nothing heard at all.
   */
  const saidAgain = (entry: GuidanceEntry, prior: Nation | null, named: Nation, heard: { before: string; pages: string[]; after: string[] }): string[] => {
    const parts = [...new Set([...pagesOf(entry, prior), ...pagesOf(entry, named)].flat().map((part) => words([part])))];
    const reading = heard.pages[heard.pages.length - 1] ?? '';
    const earlier = heard.pages.slice(0, -1).join(' ');
    return heard.after.flatMap((reply, k) => parts.filter((w) => reply.includes(w) && (k === 0
      ? earlier.includes(w) && !reading.includes(w)
      : `${heard.before} ${heard.after.slice(0, k).join(' ')}`.includes(w))));
  };

  test.each(['full', 'short'])('with %s answers, a nation named on any page, whatever was known: its note once, then every part not heard, none skipped and none said twice', async (length) => {
    const found: string[] = [];
    for (const entry of withNotes) {
      for (const prior of priors) {
        for (const named of Object.keys(entry.nations) as Nation[]) {
          // Named on the last part, a nation's own wording of its first page may hold the note again
          // (Northern Ireland's driving answer): the end of an answer is tested on its own (below).
          for (let page = 0; page < 16; page++) {
            const heard = await nameOnPage(length, entry, prior, page, named, /That's everything|what else I can help with\?$/);
            if (!heard) break;
            const all = `${heard.before} ${heard.after.join(' ')}`;
            // Once in the whole conversation: said on naming, or heard already and not said again.
            const times = all.split(noteOf(entry.id, named)).length - 1;
            const missed = missedParts(entry, named, all);
            const again = saidAgain(entry, prior, named, heard);
            if (times !== 1 || missed.length > 0 || again.length > 0 || heard.after.length >= 20) {
              found.push(`${entry.id}, ${prior ?? 'none'} known, ${named} named after page ${page}: note ${times} times, ${missed.length} missed, ${again.length} said again${heard.after.length >= 20 ? ', no end' : ''}`);
            }
          }
        }
      }
    }
    expect(found).toEqual([]);
  }, 60_000);

  const NATIONS: Nation[] = ['england_wales', 'scotland', 'northern_ireland'];
  test.each(['full', 'short'])('with %s answers, a nation with nothing of its own named on any page, whatever was known: every part not heard, none skipped and none said twice', async (length) => {
    const found: string[] = [];
    for (const entry of GUIDANCE.filter((e) => !e.whole)) {
      for (const prior of priors) {
        for (const named of NATIONS.filter((n) => n !== prior && !Object.hasOwn(entry.nations, n))) {
          // Every page, the last too: named there, the answer's end is the end of the walk.
          for (let page = 0; page < 16; page++) {
            const heard = await nameOnPage(length, entry, prior, page, named, /That's everything/);
            if (!heard) break;
            const missed = missedParts(entry, named, `${heard.before} ${heard.after.join(' ')}`);
            const again = saidAgain(entry, prior, named, heard);
            if (missed.length > 0 || again.length > 0 || heard.after.length >= 20) {
              found.push(`${entry.id}, ${prior ?? 'none'} known, ${named} named after page ${page}: ${missed.length} missed, ${again.length} said again${heard.after.length >= 20 ? ', no end' : ''}`);
            }
          }
        }
      }
    }
    expect(found).toEqual([]);
  }, 60_000);

  test('after "I didn\'t catch where you are" just after an answer, a nation named gets that answer\'s note', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, ask('WalkingAwayIntent'));
    expect(said(await send(d, intent('SetNationIntent')))).toMatch(/didn't catch where you are/);
    expect(said(await send(d, inNation('scotland')))).toContain(noteOf('running', 'scotland'));
  });

  test.each([
    ['"Ireland" just after an answer, then help', [ask('WalkingAwayIntent'), inNation('ireland'), intent('AMAZON.HelpIntent')]],
    ['help after an answer, then "Ireland"', [ask('CheckOfficerIsRealIntent'), intent('AMAZON.HelpIntent'), inNation('ireland')]],
  ])('%s, then a nation: only confirmed, as after anything else', async (_label, before) => {
    const d = new SessionDriver(skillWithStore().handler);
    for (const body of before) await send(d, body);
    expect(said(await send(d, inNation('scotland')))).toBe("All right: Scotland. I'll give you Scottish law first. What would you like to know?");
  });

  test('"Ireland" just after an answer, then "Northern Ireland": that answer\'s Northern Ireland note', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, ask('WalkingAwayIntent'));
    expect(said(await send(d, inNation('ireland')))).toMatch(/Northern Ireland, or the Republic\?$/);
    expect(said(await send(d, inNation('northern_ireland')))).toContain(noteOf('running', 'northern_ireland'));
  });

  test('the nation the answer is read for named again ("Wales" after "England"): confirmed only, and "more" goes on', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, inNation('england_wales', 'england'));
    await send(d, ask('QuestionsToAskIntent'));
    const second = said(await send(d, intent('AMAZON.MoreIntent')));
    expect(said(await send(d, inNation('england_wales', 'wales')))).toBe("All right: England and Wales. I'll give you the law there first. Would you like to hear more?");
    const third = said(await send(d, intent('AMAZON.MoreIntent')));
    expect(third).not.toBe(second);
    expect(third.length).toBeGreaterThan(0);
  });

  test('read to its end, the same nation named again, then another: that answer\'s own wording for the other nation, as after the end', async () => {
    const driving = GUIDANCE.find((e) => e.id === 'driving') as GuidanceEntry;
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, inNation('england_wales', 'england'));
    await send(d, ask(driving.intent));
    for (let i = 0; i < 10; i++) if (/That's everything I have on that/.test(said(await send(d, intent('AMAZON.MoreIntent'))))) break;
    expect(said(await send(d, inNation('england_wales', 'wales')))).toMatch(/^All right: England and Wales\./);
    expect(said(await send(d, inNation('northern_ireland')))).toMatch(/^All right: Northern Ireland\..*Would you like to hear more\?$/);
  });

  test('after the danger answer read on, the same nation named, then another: 999 first and the danger answer\'s own offer', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, inNation('england_wales', 'england'));
    await send(d, intent('InDangerIntent'));
    await send(d, intent('AMAZON.MoreIntent'));
    await send(d, inNation('england_wales', 'wales'));
    const other = said(await send(d, inNation('northern_ireland')));
    expect(saysDangerFirst(other)).toBe(true);
    expect(other).toMatch(/Shall I say that again\?$/);
  });

  test('"Ireland" in the middle of a practice: what the guide covers, then the scene\'s own question, not two questions', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, intent('StartRehearsalIntent'));
    const reply = said(await send(d, inNation('ireland')));
    expect(reply).toContain('This guide covers Northern Ireland, but not the Republic of Ireland.');
    expect(reply).not.toMatch(/or the Republic\?/);
    expect(reply).toMatch(/What do you say or do\?$/);
  });

  test('read to its end, a nation whose law words a part its own way: confirmed, and "more" gives that wording', async () => {
    const driving = GUIDANCE.find((e) => e.id === 'driving') as GuidanceEntry;
    const heardInNi = new Set(pagesOf(driving, 'northern_ireland').flat().map((p) => p.key));
    const scottishOnly = pagesOf(driving, 'scotland').flat().filter((p) => !heardInNi.has(p.key)).map((p) => words([p]));
    expect(scottishOnly.length).toBeGreaterThan(0);
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, ask(driving.intent, 'northern_ireland'));
    for (let i = 0; i < 10; i++) if (/That's everything I have on that/.test(said(await send(d, intent('AMAZON.MoreIntent'))))) break;
    expect(said(await send(d, inNation('scotland')))).toMatch(/^All right: Scotland\..*Would you like to hear more\?$/);
    const more: string[] = [];
    do more.push(said(await send(d, intent('AMAZON.MoreIntent'))));
    while (!/That's everything I have on that/.test(more[more.length - 1] ?? '') && more.length < 10);
    expect(scottishOnly.filter((w) => !more.join(' ').includes(w))).toEqual([]);
  });

  test('read to its end, or after something else: the nation confirmed, and no part said again', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, ask('CheckOfficerIsRealIntent', 'scotland'));
    for (let i = 0; i < 10; i++) if (/That's everything I have on that/.test(said(await send(d, intent('AMAZON.MoreIntent'))))) break;
    expect(said(await send(d, inNation('england_wales', 'wales')))).toBe("All right: England and Wales. I'll give you the law there first. Would you like to hear what else I can help with?");
    await send(d, ask('PlainClothesOfficerIntent'));
    await send(d, intent('AMAZON.HelpIntent'));
    expect(said(await send(d, inNation('scotland')))).toBe("All right: Scotland. I'll give you Scottish law first. What would you like to know?");
  });
});

describe('a second nation named on the last part, with nothing of its own', () => {
  test('Scotland\'s note heard at the start, then "Northern Ireland" on the last part: nothing left to hear, so confirmed as at the end, and "more" says that is everything', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, inNation('scotland'));
    let reply = said(await send(d, ask('WarrantCardIntent')));
    for (let i = 0; i < 10 && /Would you like to hear more\?$/.test(reply); i++) reply = said(await send(d, intent('AMAZON.MoreIntent')));
    expect(said(await send(d, inNation('northern_ireland')))).toBe("All right: Northern Ireland. I'll give you the law there first. Would you like to hear what else I can help with?");
    expect(said(await send(d, intent('AMAZON.MoreIntent')))).toMatch(/That's everything I have on that/);
  });
});

describe('a nation named just after the danger answer', () => {
  test.each(['england_wales', 'scotland', 'northern_ireland'])('%s: 999 first, before the nation is confirmed', async (nation) => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, intent('InDangerIntent'));
    const r = said(await send(d, inNation(nation)));
    expect({ r, dangerFirst: saysDangerFirst(r) }).toEqual({ r, dangerFirst: true });
  });
});

describe('yes and no to being asked where you are', () => {
  test('yes to "I didn\'t catch where you are", with no answer to go on with: which nation, asked again', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    expect(said(await send(d, inNation('nowhere')))).toMatch(/I didn't catch where you are\. Are you in England/);
    expect(said(await send(d, intent('AMAZON.YesIntent')))).toMatch(/^Say the name of the nation, and I'll give you the law there first\. Are you in England/);
  });

  test('yes names no nation: how to name one, and the answer goes on', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    expect(said(await send(d, ask('WalkingAwayIntent')))).toMatch(/Are you in England, Wales, Scotland or Northern Ireland\?$/);
    const yes = await send(d, intent('AMAZON.YesIntent'));
    expect(said(yes)).toMatch(/^Say which nation you're in at any time, and I'll tell you where the law there differs\. .*A court there has said genuine self-defence/);
    expect(yes.response.shouldEndSession).toBe(false);
  });

  test('no keeps the skill open, and the answer goes on when asked', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, ask('WalkingAwayIntent'));
    const no = await send(d, intent('AMAZON.NoIntent'));
    expect(said(no)).toBe("All right. In danger now? Call nine nine nine. Would you like to hear more?");
    expect(no.response.shouldEndSession).toBe(false);
    expect(said(await send(d, intent('AMAZON.YesIntent')))).toMatch(/A court there has said genuine self-defence/);
  });

  test('yes to "Northern Ireland, or the Republic?" asks which, again', async () => {
    const d = new SessionDriver(skillWithStore().handler);
    await send(d, ask('WalkingAwayIntent'));
    expect(said(await send(d, inNation('ireland')))).toMatch(/Do you mean Northern Ireland, or the Republic\?$/);
    expect(said(await send(d, intent('AMAZON.YesIntent')))).toMatch(/^Say the name of the nation, .*Do you mean Northern Ireland, or the Republic\?$/);
  });
});

describe('a nation\'s law on the first page', () => {
  const withNotes = GUIDANCE.flatMap((entry) => (Object.keys(entry.nations) as Nation[]).map((nation) => ({ label: `${entry.id} in ${nation}`, entry, nation })));

  test.each(withNotes)('$label: the note is on the first page, once, and every other part is still said', ({ entry, nation }) => {
    const pages = pagesOf(entry, nation);
    const note = entry.nations[nation];
    expect(pages[0]?.map((p) => p.key)).toContain(note?.key);
    expect(pages.flat().filter((p) => p.key === note?.key)).toHaveLength(1);
    const said = new Set(pages.flat().map((p) => p.key));
    const generic = pagesOf(entry, null).flat().filter((p) => !p.key.startsWith('nations.') && p.key !== note?.replaces && !p.variants);
    expect(generic.filter((p) => !said.has(p.key)).map((p) => p.key)).toEqual([]);
  });

  test.each(withNotes)('$label: the note never pushes a first answer over the limit that it kept without it', ({ entry, nation }) => {
    const limit = entry.topic === 'danger' ? 60 : 50;
    const without = countWords(words(pagesOf(entry, null)[0]?.filter((p) => !p.key.startsWith('nations.')) ?? []));
    const withNote = countWords(words(pagesOf(entry, nation)[0] ?? []));
    if (without <= limit) expect(withNote).toBeLessThanOrEqual(limit);
    else expect(withNote).toBeLessThanOrEqual(without + countWords(words([entry.nations[nation] ?? { key: '' }])));
  });

  test('a note that would push over takes the place of the sentence it contradicts, and a note that is a detail part moves up', () => {
    const entry: GuidanceEntry = {
      id: 'fixture', topic: 'running', intent: 'FixtureIntent', titleKey: 'guidance.running.title', reviewed: '2026-12-01', inRehearsal: 'hint',
      summary: [{ key: 'lead', rows: ['D1'] }, { key: 'generic', rows: ['F2'] }, { key: 'tail', rows: ['A5'] }],
      detail: [[{ key: 'ewLaw', rows: ['F2'] }, { key: 'other', rows: ['C4'] }], [{ key: 'onlyEw', rows: ['C4'] }]],
      nations: {
        scotland: { key: 'scotlandLaw', rows: ['F8'], replaces: 'generic' },
        england_wales: { key: 'ewLaw', rows: ['F2'] },
      },
    };
    const keys = (nation: Nation | null) => pagesOf(entry, nation).map((page) => page.map((p) => p.key));
    expect(keys('scotland')).toEqual([['lead', 'scotlandLaw', 'tail'], ['ewLaw', 'other'], ['onlyEw']]);
    expect(keys('england_wales')).toEqual([['lead', 'ewLaw', 'generic', 'tail'], ['other'], ['onlyEw'], ['scotlandLaw']]);
    expect(keys(null)).toEqual([['lead', 'generic', 'tail', 'nations.pointerScotland'], ['ewLaw', 'other'], ['onlyEw'], ['scotlandLaw']]);
  });
});

describe('"do I have to answer him?" gives the law where the user is', () => {
  const answering = GUIDANCE.find((e) => e.id === 'answering');
  if (!answering) throw new Error('no answering entry');
  const first = (nation: Nation | null) => words(pagesOf(answering, nation)[0] ?? []);
  const all = (nation: Nation | null) => pagesOf(answering, nation).map((page) => words(page)).join(' ');

  test('in Northern Ireland: the duty to say who you are and where you have been, first, and never "you don\'t have to answer"', () => {
    expect(first('northern_ireland')).toContain("In Northern Ireland, a security law lets an officer stop you and ask who you are and where you've been, and refusing is an offence.");
    expect(all('northern_ireland')).not.toMatch(/(don't|do not|needn't) (have to )?(answer|give)/i);
  });

  test('in Scotland: a suspect can be made to give name and address, first, and no England and Wales law on "more"', () => {
    expect(first('scotland')).toContain('In Scotland, an officer who suspects you of an offence can make you give your name and address, and must tell you what they suspect.');
    expect(all('scotland')).not.toMatch(/usually don't have to|In England and Wales/);
  });

  test('in England and Wales: no duty to answer questions alone, first, and the exceptions on "more"', () => {
    expect(first('england_wales')).toMatch(/you don't have to answer an officer who's only asking questions/);
    expect(all('england_wales')).toMatch(/acting anti-socially can make you give your name and address/);
  });
});

describe('in Northern Ireland, never "you don\'t have to stop" (row C16)', () => {
  const DONT_HAVE_TO_STOP = /(don't|do not|doesn't) have to stop|free to (go|leave|walk)/i;

  test.each(GUIDANCE.map((entry) => [entry.id, entry] as const))('%s: no page says it', (_, entry) => {
    expect(pagesOf(entry, 'northern_ireland').map((page) => words(page)).filter((text) => DONT_HAVE_TO_STOP.test(text))).toEqual([]);
  });

  test('the walking-away answer says the stop-and-question power there instead, on the page that says it elsewhere', () => {
    const running = GUIDANCE.find((e) => e.id === 'running');
    if (!running) throw new Error('no running entry');
    const pages = (nation: Nation | null) => pagesOf(running, nation).map((page) => words(page)).join(' ');
    expect(pages(null)).toMatch(DONT_HAVE_TO_STOP);
    expect(pages('northern_ireland')).toMatch(/In Northern Ireland, an officer can stop you to ask who you are/);
  });
});

describe('driving on before you stop: the uniform rule only where the Road Traffic Act reaches (row I21)', () => {
  const driveOn = GUIDANCE.find((e) => e.id === 'drive_on');
  if (!driveOn) throw new Error('no drive_on entry');
  const all = (nation: Nation | null) => pagesOf(driveOn, nation).map((page) => words(page)).join(' ');

  test('in Northern Ireland no page says the officer must be in uniform or that the advice is Northern Ireland\'s, and the first hedges the offence', () => {
    expect(all('northern_ireland')).not.toMatch(/uniformed officer|officer in uniform can make you stop|Police advice/);
    expect(words(pagesOf(driveOn, 'northern_ireland')[0] ?? [])).toContain('Advice in Britain');
    expect(words(pagesOf(driveOn, 'northern_ireland')[0] ?? [])).toContain('In Northern Ireland, not stopping for, or obstructing, a genuine officer may be an offence.');
  });

  test('in Scotland, and where the nation is unknown, not stopping for a uniformed officer is an offence, first', () => {
    for (const nation of ['scotland', null] as const) {
      expect(words(pagesOf(driveOn, nation)[0] ?? [])).toContain('Not stopping for, or obstructing, a genuine uniformed officer can still be an offence.');
    }
  });
});

describe('the unmarked-car answer in Northern Ireland (rows I21, I22, I24, I25)', () => {
  const driving = GUIDANCE.find((e) => e.id === 'driving');
  if (!driving) throw new Error('no driving entry');
  const pages = (nation: Nation | null) => pagesOf(driving, nation).map((page) => words(page));
  const UNCONFIRMED = "In Northern Ireland, I can't confirm the officer must be in uniform.";

  test('the advice is named as Britain\'s, the Highway Code as Great Britain\'s, and the uniform caveat is said once, first', () => {
    const ni = pages('northern_ireland');
    expect(ni[0]).toContain(UNCONFIRMED);
    expect(ni[0]).toContain('Advice in Britain');
    expect(ni.join(' ').split(UNCONFIRMED)).toHaveLength(2);
    expect(ni.join(' ').match(/Highway Code/g)).toHaveLength(ni.join(' ').match(/in Great Britain, the Highway Code/gi)?.length ?? 0);
  });

  test('elsewhere the caveat is said once, on "more"', () => {
    for (const nation of [null, 'scotland', 'england_wales'] as const) {
      expect(pages(nation).join(' ').split(UNCONFIRMED)).toHaveLength(2);
      expect(pages(nation)[0]).not.toContain(UNCONFIRMED);
    }
  });
});
