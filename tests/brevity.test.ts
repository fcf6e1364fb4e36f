import { GUIDANCE } from '../lambda/guidance';
import { handler } from '../lambda/index';
import { ssmlToText } from '../simulator/speechText';
import { buildEnvelope, newSession, type RequestBody } from '../simulator/envelope';
import { buildSkill } from '../lambda/skill';
import { said } from './support/conversation';
import { wordsBefore999 } from '../scripts/dangerFirst';
import { MemoryAdapter } from './support/memoryAdapter';
import { intent, launch, SessionDriver } from './support/requests';

// Short enough to follow by ear (issue 11), as ../shared/eval/brevity.js measures it: the words
// spoken before the closing question (the last sentence, when it ends with "?" and has at most 15
// words), everything before it counted. At most 50 (about 20 seconds), the danger answer 60. Every
// first answer is asked for through the real handler, with no nation and with each nation that
// has a note of its own. And 999 first: whatever topic frightened words are taken for, its first
// answer opens with 999 within the first eight words (../shared/eval/danger-first.js): its own 999
// action, or, where it has none (sources), the short prefix.
const MAX = 50;
const DANGER_MAX = 60;

function wordsBeforeClosingQuestion(speech: string): number {
  const text = speech.replace(/\s+/g, ' ').trim();
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  const last = sentences[sentences.length - 1] ?? '';
  if (sentences.length > 1 && /\?\s*$/.test(last) && last.split(/\s+/).filter(Boolean).length <= 15) sentences.pop();
  return sentences.join(' ').split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}

async function spoken(body: RequestBody): Promise<string> {
  const r = await handler(buildEnvelope(body, newSession()));
  const speech = r.response.outputSpeech;
  return ssmlToText(speech?.type === 'SSML' ? speech.ssml : '');
}

const asked = GUIDANCE.flatMap((entry) => [
  { label: entry.id, entry, nation: null },
  ...Object.keys(entry.nations).map((nation) => ({ label: `${entry.id} (${nation})`, entry, nation })),
]);

describe('first answers are short enough to follow by ear', () => {
  test.each(asked)('$label', async ({ entry, nation }) => {
    const slots: Record<string, { value: string; id: string }> = nation ? { nation: { value: nation, id: nation } } : {};
    const speech = await spoken(intent(entry.intent, slots, ['nation']));
    const limit = entry.topic === 'danger' ? DANGER_MAX : MAX;
    // The speech rides along, so a failure shows what was said.
    expect({ withinLimit: wordsBeforeClosingQuestion(speech) <= limit, speech }).toEqual({ withinLimit: true, speech });
    expect({ nineNineNineFirst: wordsBefore999(speech) <= 7, speech }).toEqual({ nineNineNineFirst: true, speech });
  });

  test('the launch, within fifty words', async () => {
    expect(wordsBeforeClosingQuestion(await spoken(launch()))).toBeLessThanOrEqual(MAX);
  });

  test('help names a few things within fifty words, after "In danger now? Call nine nine nine."', async () => {
    const speech = await spoken(intent('AMAZON.HelpIntent'));
    expect(speech).toMatch(/^In danger now\? Call nine nine nine\./);
    expect(wordsBeforeClosingQuestion(speech)).toBeLessThanOrEqual(MAX);
  });

  test('the fallback starts with "In danger now? Call nine nine nine."', async () => {
    expect(await spoken(intent('AMAZON.FallbackIntent'))).toMatch(/^In danger now\? Call nine nine nine\./);
  });

  test('the count is the one brevity.js makes: the closing question is not counted, a question inside is', () => {
    expect(wordsBeforeClosingQuestion('Call nine nine nine now. Would you like to hear more?')).toBe(5);
    expect(wordsBeforeClosingQuestion('Ask: where are they? Why? Would you like to hear more?')).toBe(5);
    expect(wordsBefore999("If you're in danger, call nine nine nine.")).toBe(5);
  });
});

/**
 * 999 first within sessions too: whatever came before in the session, each topic opens its first
 * answer with 999 within the first eight words.
 */
describe('999 first for every topic, whatever came before', () => {
  const before: [string, RequestBody[]][] = [
    ['at the start of a session', [launch()]],
    ['after another answer', [intent('AdviceSourcesIntent')]],
    ['after the danger answer', [intent('InDangerIntent')]],
    ['with short answers', [intent('ShortAnswersIntent')]],
    ['after help and a no', [intent('AMAZON.HelpIntent'), intent('AMAZON.NoIntent')]],
  ];
  const cases = before.flatMap(([when, turns]) =>
    GUIDANCE.map((entry) => ({ label: `${entry.id}, ${when}`, entry, turns })));

  test.each(cases)('$label', async ({ entry, turns }) => {
    const skill = buildSkill({ persistenceAdapter: new MemoryAdapter() });
    const driver = new SessionDriver((event) => skill.invoke(event));
    for (const body of turns) expect((await driver.send(body)).response.shouldEndSession).toBe(false);
    const speech = said(await driver.send(intent(entry.intent)));
    expect({ nineNineNineFirst: wordsBefore999(speech) <= 7, speech }).toEqual({ nineNineNineFirst: true, speech });
  });
});
