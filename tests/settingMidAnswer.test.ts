import { GUIDANCE, pagesOf, type GuidanceEntry } from '../lambda/guidance';
import { translatorFor } from '../lambda/locales/i18n';
import { buildSkill } from '../lambda/skill';
import { render } from '../lambda/speech/ssml';
import { said, testTurns, user } from './support/conversation';
import { MemoryAdapter } from './support/memoryAdapter';
import { intent, SessionDriver } from './support/requests';
import type { RequestBody } from '../simulator/envelope';
import { saysDangerFirst } from '../scripts/dangerFirst';

// A speech rate or answer length changed in the middle of an answer keeps the place in it: "slower,
// and go on" goes on, "shorter, say that again" says the same point again, and a bare "slower"
// asks the answer's own question again, so "yes" goes on from where it was.

const driver = () => {
  const skill = buildSkill({ persistenceAdapter: new MemoryAdapter() });
  return new SessionDriver((event) => skill.invoke(event));
};
// In England and Wales, so that an answer's first part asks "would you like to hear more?", not where the user is.
const inEnglandAndWales = intent('SetNationIntent', { nation: { value: 'england', id: 'england_wales' } }, ['nation']);
const then = (name: string, id: 'again' | 'on'): RequestBody => intent(name, { then: { value: id, id } }, ['then']);

/** What one session says to these intents, in order. */
async function saysTo(...turns: RequestBody[]): Promise<string[]> {
  const d = driver();
  await d.send(inEnglandAndWales);
  const replies: string[] = [];
  for (const turn of turns) replies.push(said(await d.send(turn)));
  return replies;
}

const MORE = / Would you like to hear more\?$/;

describe('a setting in the middle of an answer', () => {
  test('"slower" alone: confirmed, the answer\'s offer asked again, and "yes" gives the next part', async () => {
    const [, second = ''] = await saysTo(user('CheckOfficerIsRealIntent'), user('AMAZON.MoreIntent'));
    await testTurns(driver(), [
      [inEnglandAndWales, {}],
      [user('CheckOfficerIsRealIntent'), { topic: 'verify', says: MORE }],
      [user('SpeakSlowerIntent'), { topic: null, says: [/^All right, I'll speak more slowly/, MORE], never: /What would you like to know/ }],
      [user('AMAZON.YesIntent'), { topic: 'verify', says: second }],
    ]);
  });

  test('"slower, and go on": confirmed, then the next part of the answer at once', async () => {
    const [, second = ''] = await saysTo(user('CheckOfficerIsRealIntent'), user('AMAZON.MoreIntent'));
    const [, slowerOn = ''] = await saysTo(user('CheckOfficerIsRealIntent'), then('SpeakSlowerIntent', 'on'));
    expect(slowerOn).toMatch(/^All right, I'll speak more slowly, like this\./);
    expect(second).toMatch(/Would you like to hear more\?$/);
    expect(slowerOn.endsWith(second)).toBe(true);
  });

  test('"faster, say that again": confirmed, then the same part again', async () => {
    const [first = '', again = ''] = await saysTo(user('QuestionsToAskIntent'), then('SpeakFasterIntent', 'again'));
    expect(again).toMatch(/^All right, I'll speak faster, like this\./);
    expect(first).toMatch(/colleagues/);
    expect(again.endsWith(first)).toBe(true);
  });

  test('"shorter, say that again": the first point of that part, short, and then one point at a time', async () => {
    const [first = '', shorter = '', next = ''] = await saysTo(user('CheckOfficerIsRealIntent'), then('ShortAnswersIntent', 'again'), user('AMAZON.MoreIntent'));
    const point = shorter.replace(/^All right, short answers: one point at a time\. Say more for the next one\. I'll remember that next time\. /, '');
    expect(point).not.toBe(shorter);
    expect(point).toMatch(/^Call nine nine nine on your own phone/);
    expect(point.length).toBeLessThan(first.length);
    expect(next).not.toBe(point);
    expect(first).toContain(next.replace(MORE, '').slice(0, 40));
  });

  test('"go on" after the last part, with a setting: that is everything, and nothing is lost', async () => {
    const d = driver();
    await d.send(inEnglandAndWales);
    await d.send(user('CheckOfficerIsRealIntent'));
    let reply = await d.send(user('AMAZON.MoreIntent'));
    for (let i = 0; i < 10 && MORE.test(said(reply)); i++) reply = await d.send(user('AMAZON.MoreIntent'));
    const last = await d.send(then('SpeakFasterIntent', 'on'));
    expect(said(last)).toMatch(/^In danger now\? Call nine nine nine\. All right, I'll speak faster, like this\..*That's everything I have on that\. Would you like to hear what else I can help with\?$/);
    expect(last.response.shouldEndSession).toBe(false);
  });

  test('"slower" alone after the last part: the answer\'s own closing offer is asked again, and "yes" accepts it', async () => {
    const d = driver();
    await d.send(inEnglandAndWales);
    let reply = await d.send(user('QuestionsToAskIntent'));
    for (let i = 0; i < 10 && MORE.test(said(reply)); i++) reply = await d.send(user('AMAZON.MoreIntent'));
    expect(said(reply)).toMatch(/Would you like to practise what to say\?$/);
    await testTurns(d, [
      [user('SpeakSlowerIntent'), { topic: null, says: [/^All right, I'll speak more slowly/, /Would you like to practise what to say\?$/] }],
      [user('AMAZON.YesIntent'), { topic: 'rehearse' }],
    ]);
  });

  test('"slower" after the danger answer: "shall I say that again?", and "yes" says the danger answer again, slower, 999 first', async () => {
    const d = driver();
    const danger = said(await d.send(user('InDangerIntent')));
    await testTurns(d, [
      [user('SpeakSlowerIntent'), { topic: null, says: [/I'll speak more slowly/, /Shall I say that again\?$/] }],
      [user('AMAZON.YesIntent'), { topic: 'danger', says: danger, never: /I'll speak more slowly/ }],
    ]);
  });

  test('with no answer being read, a setting with "go on" is confirmed and the skill asks what the user would like', async () => {
    await testTurns(driver(), [
      [user('AMAZON.HelpIntent'), {}],
      [then('SpeakSlowerIntent', 'on'), { topic: null, says: [/^In danger now\? Call nine nine nine\. All right, I'll speak more slowly/, /What would you like to know\?$/] }],
    ]);
  });

  /** A session with short answers, at the first point of "check he's real". */
  async function atFirstShortPoint(): Promise<SessionDriver> {
    const d = driver();
    await d.send(inEnglandAndWales);
    await d.send(user('ShortAnswersIntent'));
    await d.send(user('CheckOfficerIsRealIntent'));
    return d;
  }

  /** The points of "check he's real", one per short answer, in order. */
  async function shortPoints(): Promise<string[]> {
    const d = await atFirstShortPoint();
    const points = [said(await d.send(user('AMAZON.RepeatIntent')))];
    for (let i = 0; i < 3; i++) points.push(said(await d.send(user('AMAZON.MoreIntent'))));
    return points.map((point) => point.replace(MORE, ''));
  }

  test('"full answers, and go on" from the first short point skips no point: the full part holding the next one', async () => {
    const points = await shortPoints();
    const full = said(await (await atFirstShortPoint()).send(then('FullAnswersIntent', 'on')));
    expect(full).toMatch(/^All right, full answers/);
    expect(full).toContain(points[1]);
  });

  test('a bare "full answers" on a short point, then "yes": the full part holding the next point', async () => {
    const points = await shortPoints();
    const d = await atFirstShortPoint();
    expect(said(await d.send(user('FullAnswersIntent')))).toMatch(MORE);
    expect(said(await d.send(user('AMAZON.YesIntent')))).toContain(points[1]);
  });

  test('"shorter, and go on" after the first full part: the first point after it, not one already heard', async () => {
    const [points, [first = '', shorterOn = '']] = await Promise.all([shortPoints(), saysTo(user('CheckOfficerIsRealIntent'), then('ShortAnswersIntent', 'on'))]);
    const point = shorterOn.replace(/^All right, short answers: one point at a time\. Say more for the next one\. I'll remember that next time\. /, '').replace(MORE, '');
    expect(first).toContain(points[1]);
    expect(point).toBe(points[2]);
  });

  test('after the danger answer, "slower, say that again" says 999 first', async () => {
    const [danger = '', again = ''] = await saysTo(user('InDangerIntent'), then('SpeakSlowerIntent', 'again'));
    expect(saysDangerFirst(again)).toBe(true);
    expect(again).toContain(danger.replace(/ Shall I say that again\?$/, ''));
    const [, on = ''] = await saysTo(user('InDangerIntent'), then('SpeakSlowerIntent', 'on'));
    expect(saysDangerFirst(on)).toBe(true);
  });

  test('after the danger answer, "slower", then "faster, say that again": the danger answer again, 999 first', async () => {
    const [danger = '', , again = ''] = await saysTo(user('InDangerIntent'), user('SpeakSlowerIntent'), then('SpeakFasterIntent', 'again'));
    expect(saysDangerFirst(again)).toBe(true);
    expect(again).toContain(danger.replace(/ Shall I say that again\?$/, ''));
  });

  test('a bare setting after the last part keeps the place: "more" says that is everything, and a second setting with "say that again" says the last part again', async () => {
    const d = driver();
    await d.send(inEnglandAndWales);
    let reply = await d.send(user('QuestionsToAskIntent'));
    for (let i = 0; i < 10 && MORE.test(said(reply)); i++) reply = await d.send(user('AMAZON.MoreIntent'));
    const lastPart = said(reply).replace(/ Would you like to practise what to say\?$/, '');
    expect(said(await d.send(user('ShortAnswersIntent')))).toMatch(/Would you like to practise what to say\?$/);
    expect(said(await d.send(then('SpeakSlowerIntent', 'again')))).toMatch(/Would you like to practise what to say\?$/);
    expect(said(await d.send(then('FullAnswersIntent', 'again')))).toContain(lastPart);
    expect(said(await d.send(user('AMAZON.MoreIntent')))).toMatch(/That's everything I have on that/);
  });
});

describe('an answer length changed on any page, then "more" to the end', () => {
  const t = translatorFor('en-GB');
  const words = (key: string) => render(t, [{ key }]).plain;
  const END = /That's everything I have on that|what else I can help with\?$|practise what to say\?$|practise\?$/;
  const LENGTHS = { full: 'FullAnswersIntent', short: 'ShortAnswersIntent' } as const;

  /** The answer read at `from` length to `page`, the other length asked for (with "and go on", or bare then "yes"), then "more" to its end. */
  async function walk(entry: GuidanceEntry, from: keyof typeof LENGTHS, page: number, how: 'on' | 'bare'): Promise<{ before: string[]; after: string[] } | null> {
    const d = driver();
    await d.send(inEnglandAndWales);
    if (from === 'short') await d.send(user('ShortAnswersIntent'));
    const before = [said(await d.send(user(entry.intent)))];
    for (let k = 0; k < page; k++) before.push(said(await d.send(user('AMAZON.MoreIntent'))));
    if (END.test(before[before.length - 1] ?? '')) return null;
    const to = LENGTHS[from === 'full' ? 'short' : 'full'];
    const after = how === 'on' ? [said(await d.send(then(to, 'on')))] : (await d.send(user(to)), [said(await d.send(user('AMAZON.YesIntent')))]);
    while (!END.test(after[after.length - 1] ?? '') && after.length < 20) after.push(said(await d.send(user('AMAZON.MoreIntent'))));
    return { before, after };
  }

  test.each([['full', 'on'], ['full', 'bare'], ['short', 'on'], ['short', 'bare']] as const)('from %s answers (%s): every part heard once, none skipped and none said twice', async (from, how) => {
    const found: string[] = [];
    for (const entry of GUIDANCE.filter((e) => !e.whole)) {
      const parts = [...new Set(pagesOf(entry, 'england_wales').flat().map((part) => words(part.key)))];
      for (let page = 0; page < 16; page++) {
        const heard = await walk(entry, from, page, how);
        if (!heard) break;
        const replies = [...heard.before, ...heard.after];
        const times = (w: string) => replies.filter((reply) => reply.includes(w)).length;
        const missed = parts.filter((w) => times(w) === 0);
        const twice = parts.filter((w) => times(w) > 1);
        if (missed.length > 0 || twice.length > 0 || heard.after.length >= 20) found.push(`${entry.id} from ${from} on page ${page}: ${missed.length} missed, ${twice.length} said twice`);
      }
    }
    expect(found).toEqual([]);
  }, 60_000);
});

describe('an answer length changed after a nation named part-way, or when no answer was just said', () => {
  const t = translatorFor('en-GB');
  const verify = GUIDANCE.find((e) => e.id === 'verify') as GuidanceEntry;
  const partsOf = (nation: 'england_wales' | 'scotland') => [...new Set(pagesOf(verify, nation).flat().map((part) => render(t, [{ key: part.key }]).plain))];
  const END = /That's everything I have on that/;
  /** The parts of the answer, as read in England and Wales, not heard exactly once in these replies. */
  const notHeardOnce = (heard: readonly string[]) => partsOf('england_wales').filter((w) => heard.filter((reply) => reply.includes(w)).length !== 1);
  const toEnd = async (d: SessionDriver): Promise<string[]> => {
    const replies = [said(await d.send(user('AMAZON.MoreIntent')))];
    while (!END.test(replies[replies.length - 1] ?? '') && replies.length < 20) replies.push(said(await d.send(user('AMAZON.MoreIntent'))));
    return replies;
  };

  test('Scotland named on the second page, then "shorter, say that again": every part of the rest is still heard', async () => {
    const d = driver();
    await d.send(inEnglandAndWales);
    const heard = [said(await d.send(user('CheckOfficerIsRealIntent'))), said(await d.send(user('AMAZON.MoreIntent')))];
    heard.push(said(await d.send(intent('SetNationIntent', { nation: { value: 'scotland', id: 'scotland' } }, ['nation']))));
    heard.push(said(await d.send(then('ShortAnswersIntent', 'again'))), ...(await toEnd(d)));
    expect(partsOf('scotland').filter((w) => !heard.join(' ').includes(w))).toEqual([]);
  });

  test.each([['full', 'ShortAnswersIntent'], ['short', 'FullAnswersIntent']] as const)('from %s answers, a length changed after help: confirmed only, and "more" then goes on with no part missed or said twice', async (from, to) => {
    const d = driver();
    await d.send(inEnglandAndWales);
    if (from === 'short') await d.send(user('ShortAnswersIntent'));
    const heard = [said(await d.send(user('CheckOfficerIsRealIntent'))), said(await d.send(user('AMAZON.MoreIntent')))];
    await d.send(user('AMAZON.HelpIntent'));
    expect(said(await d.send(user(to)))).toMatch(/What would you like to know\?$/);
    heard.push(...(await toEnd(d)));
    expect(notHeardOnce(heard)).toEqual([]);
  });

  test('read to its end, then "slower", then "previous": the last part again', async () => {
    const d = driver();
    await d.send(inEnglandAndWales);
    await d.send(user('CheckOfficerIsRealIntent'));
    const replies = await toEnd(d);
    const lastPart = (replies[replies.length - 2] ?? '').replace(MORE, '');
    await d.send(user('SpeakSlowerIntent'));
    expect(said(await d.send(user('AMAZON.PreviousIntent')))).toContain(lastPart);
  });

  test('"forget me" in the middle of short answers: back to full answers, and "more" goes on with no part missed or said twice', async () => {
    const d = driver();
    await d.send(inEnglandAndWales);
    await d.send(user('ShortAnswersIntent'));
    const heard = [said(await d.send(user('CheckOfficerIsRealIntent')))];
    for (let i = 0; i < 2; i++) heard.push(said(await d.send(user('AMAZON.MoreIntent'))));
    expect(said(await d.send(user('ForgetMeIntent')))).toMatch(/deleted everything/);
    heard.push(...(await toEnd(d)));
    expect(notHeardOnce(heard)).toEqual([]);
  });

  test('read to its end, then "shorter, and go on": confirmed, and "more" says that is everything', async () => {
    const d = driver();
    await d.send(inEnglandAndWales);
    await d.send(user('CheckOfficerIsRealIntent'));
    await toEnd(d);
    expect(said(await d.send(then('ShortAnswersIntent', 'on')))).toMatch(/What would you like to know\?$/);
    expect(said(await d.send(user('AMAZON.MoreIntent')))).toMatch(END);
  });
});

describe('the answer left for a practice, a setting or a nation changed in it, then "more"', () => {
  const t = translatorFor('en-GB');
  const wordsOf = (entry: GuidanceEntry, nation: 'england_wales' | 'northern_ireland') => [...new Set(pagesOf(entry, nation).flat().map((part) => render(t, [{ key: part.key }]).plain))];
  const END = /That's everything I have on that/;
  const verify = GUIDANCE.find((e) => e.id === 'verify') as GuidanceEntry;

  /** The scene played through (each moment skipped), and "no" to another. */
  async function practiseThrough(d: SessionDriver, change: RequestBody): Promise<void> {
    await d.send(user('StartRehearsalIntent'));
    await d.send(change);
    for (let i = 0; i < 8 && !/another/i.test(said(await d.send(user('AMAZON.NextIntent')))); i++);
    await d.send(user('AMAZON.NoIntent'));
  }

  test.each([['short', 'FullAnswersIntent'], ['full', 'ShortAnswersIntent']] as const)('from %s answers, the length changed mid-practice: every part of the answer heard once', async (from, to) => {
    const d = driver();
    await d.send(inEnglandAndWales);
    if (from === 'short') await d.send(user('ShortAnswersIntent'));
    const heard = [said(await d.send(user('CheckOfficerIsRealIntent')))];
    for (let i = 0; i < 2; i++) heard.push(said(await d.send(user('AMAZON.MoreIntent'))));
    await practiseThrough(d, user(to));
    do heard.push(said(await d.send(user('AMAZON.MoreIntent'))));
    while (!END.test(heard[heard.length - 1] ?? '') && heard.length < 20);
    const times = (w: string) => heard.filter((reply) => reply.includes(w)).length;
    expect(wordsOf(verify, 'england_wales').filter((w) => times(w) !== 1)).toEqual([]);
  });

  test('a nation named after "no" in the middle of an answer: "more" goes on as that nation has it, its own wording too', async () => {
    const driving = GUIDANCE.find((e) => e.id === 'driving') as GuidanceEntry;
    const great = wordsOf(driving, 'england_wales');
    const northernIrelandOnly = wordsOf(driving, 'northern_ireland').filter((w) => !great.includes(w));
    expect(northernIrelandOnly.length).toBeGreaterThan(0);
    const d = driver();
    await d.send(inEnglandAndWales);
    await d.send(user(driving.intent));
    await d.send(user('AMAZON.MoreIntent'));
    await d.send(user('AMAZON.NoIntent'));
    expect(said(await d.send(intent('SetNationIntent', { nation: { value: 'northern ireland', id: 'northern_ireland' } }, ['nation'])))).toMatch(/^All right: Northern Ireland\..*What would you like to know\?$/);
    const after: string[] = [];
    do after.push(said(await d.send(user('AMAZON.MoreIntent'))));
    while (!END.test(after[after.length - 1] ?? '') && after.length < 20);
    expect(northernIrelandOnly.filter((w) => !after.join(' ').includes(w))).toEqual([]);
  });
});
