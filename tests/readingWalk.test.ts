import fc from 'fast-check';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { GUIDANCE, isNation, pagesOf, type GuidanceEntry, type Nation } from '../lambda/guidance';
import { translatorFor } from '../lambda/locales/i18n';
import { render } from '../lambda/speech/ssml';
import { intent, SessionDriver } from './support/requests';
import { said, skillWithStore } from './support/skillWithStore';

// Whatever a user says in the middle of an answer (settings, a nation, help, "no", "previous",
// "repeat", forget me, a practice, the same question again), reading it on with "more" to its
// end says nothing again that was heard since they last went back, and by then every part of the
// answer, as read where the user is, has been heard; "more?" is asked only while there is more, and
// the answer's closing offer only at its end.

// A fixed seed, so CI walks the same conversations every time and a failure is reproducible;
// WALK_SEED picks others, WALK_RUNS walks more.
const SEED = process.env.WALK_SEED ? Number(process.env.WALK_SEED) : 20261206;
const RUNS = Number(process.env.WALK_RUNS ?? 500);

const t = translatorFor('en-GB');
const words = (key: string) => render(t, [{ key }]).plain;
const place = (id: Nation) => ({ nation: { value: id, id } });
const then = (name: string, id: 'again' | 'on') => intent(name, { then: { value: id, id } }, ['then']);
const END = /That's everything I have on that/;
const MORE = /Would you like to hear more\?$/;
const AT_END = /what else I can help with\?$|practise what to say\?$/;

const MOVES = {
  more: () => [intent('AMAZON.MoreIntent')],
  yes: () => [intent('AMAZON.YesIntent')],
  no: () => [intent('AMAZON.NoIntent')],
  previous: () => [intent('AMAZON.PreviousIntent')],
  repeat: () => [intent('AMAZON.RepeatIntent')],
  help: () => [intent('AMAZON.HelpIntent')],
  slower: () => [intent('SpeakSlowerIntent')],
  shorter: () => [intent('ShortAnswersIntent')],
  fuller: () => [intent('FullAnswersIntent')],
  shorterAgain: () => [then('ShortAnswersIntent', 'again')],
  shorterOn: () => [then('ShortAnswersIntent', 'on')],
  fullerAgain: () => [then('FullAnswersIntent', 'again')],
  fullerOn: () => [then('FullAnswersIntent', 'on')],
  englandWales: () => [intent('SetNationIntent', place('england_wales'), ['nation'])],
  scotland: () => [intent('SetNationIntent', place('scotland'), ['nation'])],
  northernIreland: () => [intent('SetNationIntent', place('northern_ireland'), ['nation'])],
  // Forget me: the answer length goes back to full answers, the nation to none known.
  forget: () => [intent('ForgetMeIntent')],
  // A practice begun and the answer length or the nation changed in it (then played through, below).
  practiseShorter: () => [intent('StartRehearsalIntent'), intent('ShortAnswersIntent')],
  practiseInScotland: () => [intent('StartRehearsalIntent'), intent('SetNationIntent', place('scotland'), ['nation'])],
} as const;
const PRACTICES: ReadonlySet<string> = new Set(['practiseShorter', 'practiseInScotland']);
type Move = keyof typeof MOVES | 'askAgain';
/** Moves that go back over what was heard: what came before them may be heard again. */
const BACK: ReadonlySet<Move> = new Set(['previous', 'repeat', 'shorterAgain', 'fullerAgain', 'askAgain']);

const entries = GUIDANCE.filter((e) => !e.whole);
const conversation = (r: ResponseEnvelope) => (r.sessionAttributes?.conversation ?? {}) as { topic?: unknown; nation?: unknown };
const nationOf = (r: ResponseEnvelope): Nation | null => {
  const { nation } = conversation(r);
  return isNation(nation) ? nation : null;
};

interface Walked { since: string[]; sinceBack: string[]; run: string[]; nation: Nation | null; closes: [string, string][] }

/**
 * The conversation: the answer asked, the moves, then "more" to its end: what was said since the
 * question was last asked, since the user last went back, by the last "more"s, and each reply with
 * the reply a "more" after it got. Null when the moves took the user out of the answer.
 */
async function walk(entry: GuidanceEntry, known: Nation | null, short: boolean, moves: readonly Move[]): Promise<Walked | null> {
  const d = new SessionDriver(skillWithStore().handler);
  if (known) await d.send(intent('SetNationIntent', place(known), ['nation']));
  if (short) await d.send(intent('ShortAnswersIntent'));
  let since = [said(await d.send(intent(entry.intent)))];
  let sinceBack = [...since];
  const closes: [string, string][] = [];
  for (const move of moves) {
    let r: ResponseEnvelope | undefined;
    for (const body of move === 'askAgain' ? [intent(entry.intent)] : MOVES[move]()) {
      const before = since[since.length - 1] ?? '';
      r = await d.send(body);
      // "No" to "what else would you like to know?" says goodbye, and "yes" to "would you like to
      // practise?" starts a scene: the answer is left there.
      if (r.response.shouldEndSession === true || (!PRACTICES.has(move) && conversation(r).topic === 'rehearse')) return null;
      if (body.type === 'IntentRequest' && body.intent === 'AMAZON.MoreIntent') closes.push([before, said(r)]);
    }
    if (PRACTICES.has(move)) {
      // Each moment skipped to the scene's end, and "no" to another scene: back to the answer.
      for (let i = 0; i < 8 && r && !/another scene\?$/.test(said(r)); i++) r = await d.send(intent('AMAZON.NextIntent'));
      r = await d.send(intent('AMAZON.NoIntent'));
      if (r.response.shouldEndSession === true) return null;
    }
    if (!r) continue;
    if (move === 'askAgain') since = [said(r)];
    else since.push(said(r));
    if (BACK.has(move)) sinceBack = [said(r)];
    else sinceBack.push(said(r));
  }
  const run: string[] = [];
  let last: ResponseEnvelope | undefined;
  // To the end (help, which "more" takes up after help or once told that is everything, on the way).
  do {
    const before = run[run.length - 1] ?? since[since.length - 1] ?? '';
    last = await d.send(intent('AMAZON.MoreIntent'));
    run.push(said(last));
    closes.push([before, said(last)]);
  } while (!END.test(run[run.length - 1] ?? '') && run.length < 20);
  return { since, sinceBack, run, nation: nationOf(last), closes };
}

test('any mix of moves in the middle of an answer, then "more" to its end: nothing said again that was heard since going back, nothing never heard, "more?" only while there is more', async () => {
  const move = fc.constantFrom<Move>(...(Object.keys(MOVES) as (keyof typeof MOVES)[]), 'askAgain');
  let walked = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...entries), fc.constantFrom<Nation | null>(null, 'england_wales', 'scotland', 'northern_ireland'), fc.boolean(), fc.array(move, { maxLength: 8 }), async (entry, known, short, moves) => {
      const result = await walk(entry, known, short, moves);
      if (!result) return;
      walked++;
      const { since, sinceBack, run, nation, closes } = result;
      expect(run.length).toBeLessThan(20);
      const parts = [...new Set(pagesOf(entry, nation).flat().map((part) => words(part.key)))];
      // On the way to the end, no part twice, nor one heard since the user last went back (the
      // danger line aside: "that's everything" opens with it too).
      const danger = words('safety.inDangerNow');
      const twice = parts.filter((w) => w !== danger && run.filter((reply) => reply.includes(w)).length > 1);
      expect(twice).toEqual([]);
      const again = parts.filter((w) => w !== danger && sinceBack.some((reply) => reply.includes(w)) && run.some((reply) => reply.includes(w)));
      expect(again).toEqual([]);
      // Every part of the answer as read there, heard since it was asked.
      const heard = [...since, ...run].join(' ');
      expect(parts.filter((w) => !heard.includes(w))).toEqual([]);
      // "Would you like to hear more?" is never answered by "that's everything", anywhere.
      expect(closes.filter(([before, after]) => MORE.test(before) && END.test(after))).toEqual([]);
      // On the way to the end, the answer's closing offer comes only on its last part.
      run.slice(0, -1).forEach((reply, k) => {
        if (AT_END.test(reply) && !END.test(reply)) expect(run[k + 1]).toMatch(END);
      });
    }),
    { numRuns: RUNS, seed: SEED },
  );
  // Most walks stay in the answer; if they stopped doing so, the checks above would check nothing.
  expect(walked).toBeGreaterThan(RUNS * 0.9);
}, 120_000);
