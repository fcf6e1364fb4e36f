import fc from 'fast-check';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { GUIDANCE, isNation, pagesOf, type GuidanceEntry, type Nation } from '../lambda/guidance';
import { translatorFor } from '../lambda/locales/i18n';
import { render } from '../lambda/speech/ssml';
import { intent, SessionDriver } from './support/requests';
import { said, skillWithStore } from './support/skillWithStore';

// Whatever a user says in the middle of an answer (settings, a nation, help, "no", "previous",
// "repeat", the same question again), reading it on with "more" to its end says no part twice,
// and by then every part of the answer, as read where the user is, has been heard.

const t = translatorFor('en-GB');
const words = (key: string) => render(t, [{ key }]).plain;
const place = (id: Nation) => ({ nation: { value: id, id } });
const then = (name: string, id: 'again' | 'on') => intent(name, { then: { value: id, id } }, ['then']);
const END = /That's everything I have on that/;
const MORE = /Would you like to hear more\?$/;

const ACTIONS = {
  more: () => intent('AMAZON.MoreIntent'),
  yes: () => intent('AMAZON.YesIntent'),
  no: () => intent('AMAZON.NoIntent'),
  previous: () => intent('AMAZON.PreviousIntent'),
  repeat: () => intent('AMAZON.RepeatIntent'),
  help: () => intent('AMAZON.HelpIntent'),
  slower: () => intent('SpeakSlowerIntent'),
  shorter: () => intent('ShortAnswersIntent'),
  fuller: () => intent('FullAnswersIntent'),
  shorterAgain: () => then('ShortAnswersIntent', 'again'),
  shorterOn: () => then('ShortAnswersIntent', 'on'),
  fullerAgain: () => then('FullAnswersIntent', 'again'),
  fullerOn: () => then('FullAnswersIntent', 'on'),
  englandWales: () => intent('SetNationIntent', place('england_wales'), ['nation']),
  scotland: () => intent('SetNationIntent', place('scotland'), ['nation']),
  northernIreland: () => intent('SetNationIntent', place('northern_ireland'), ['nation']),
} as const;
type Action = keyof typeof ACTIONS | 'askAgain';
/** Moves that go back over what was heard: what came before them may be heard again. */
const BACK: ReadonlySet<Action> = new Set(['previous', 'repeat', 'shorterAgain', 'fullerAgain', 'askAgain']);

const entries = GUIDANCE.filter((e) => !e.whole);
const topicOf = (r: ResponseEnvelope): unknown => (r.sessionAttributes?.conversation as { topic?: unknown } | undefined)?.topic;
const nationOf = (r: ResponseEnvelope): Nation | null => {
  const nation = (r.sessionAttributes?.conversation as { nation?: unknown } | undefined)?.nation;
  return isNation(nation) ? nation : null;
};

/** The conversation: the answer asked, the actions, then "more" to its end. What was said since the question was last asked, and by the last "more"s. */
async function walk(entry: GuidanceEntry, known: Nation | null, actions: readonly Action[]): Promise<{ since: string[]; sinceBack: string[]; run: string[]; nation: Nation | null } | null> {
  const d = new SessionDriver(skillWithStore().handler);
  if (known) await d.send(ACTIONS[known === 'england_wales' ? 'englandWales' : known === 'scotland' ? 'scotland' : 'northernIreland']());
  let since = [said(await d.send(intent(entry.intent)))];
  let sinceBack = [...since];
  for (const action of actions) {
    const r = await d.send(action === 'askAgain' ? intent(entry.intent) : ACTIONS[action]());
    // "No" to "what else would you like to know?" says goodbye, and "yes" to "would you like to
    // practise?" starts a scene: the answer is left there.
    if (r.response.shouldEndSession || topicOf(r) === 'rehearse') return null;
    if (action === 'askAgain') since = [said(r)];
    else since.push(said(r));
    if (BACK.has(action)) sinceBack = [said(r)];
    else sinceBack.push(said(r));
  }
  const run: string[] = [];
  let last: ResponseEnvelope | undefined;
  // To the end (help, which "more" takes up after help or once told that is everything, on the way).
  do {
    last = await d.send(intent('AMAZON.MoreIntent'));
    run.push(said(last));
  } while (!END.test(run[run.length - 1] ?? '') && run.length < 20);
  return { since, sinceBack, run, nation: nationOf(last) };
}

test('any mix of moves in the middle of an answer, then "more" to its end: nothing said again that was heard since going back, nothing never heard, and "more?" only while there is more', async () => {
  const action = fc.constantFrom<Action>(...(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]), 'askAgain');
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...entries), fc.constantFrom<Nation | null>(null, 'england_wales', 'scotland', 'northern_ireland'), fc.array(action, { maxLength: 8 }), async (entry, known, actions) => {
      const walked = await walk(entry, known, actions);
      if (!walked) return;
      const { since, sinceBack, run, nation } = walked;
      expect(run.length).toBeLessThan(20);
      const parts = [...new Set(pagesOf(entry, nation).flat().map((part) => words(part.key)))];
      // On the way to the end, no part twice (the danger line aside: "that's everything" opens with it too).
      const danger = words('safety.inDangerNow');
      const twice = parts.filter((w) => w !== danger && run.filter((reply) => reply.includes(w)).length > 1);
      expect(twice).toEqual([]);
      // Nor a part heard since the user last went back over the answer.
      const again = parts.filter((w) => w !== danger && sinceBack.some((reply) => reply.includes(w)) && run.some((reply) => reply.includes(w)));
      expect(again).toEqual([]);
      // Every part of the answer as read there, heard since it was asked.
      const heard = [...since, ...run].join(' ');
      expect(parts.filter((w) => !heard.includes(w))).toEqual([]);
      // "Would you like to hear more?" is never answered by "that's everything".
      run.forEach((reply, k) => {
        if (k > 0 && MORE.test(run[k - 1] ?? '')) expect(reply).not.toMatch(END);
      });
    }),
    { numRuns: 500 },
  );
}, 120_000);
