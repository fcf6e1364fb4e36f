import { GUIDANCE } from '../lambda/guidance';
import { handler } from '../lambda/index';
import { ssmlToText } from '../simulator/speechText';
import { buildEnvelope, newSession, type RequestBody } from '../simulator/envelope';
import { intent, launch } from './support/requests';

// Short enough to follow by ear (issue 11), as ../shared/eval/brevity.js measures it: the words
// spoken before the closing question (the last sentence, when it ends with "?" and has at most 15
// words), everything before it counted. At most 50 (about 20 seconds), the danger answer 60. Every
// first answer is asked for through the real handler, with no nation and with each nation that
// has a note of its own. And 999 first: where a topic sits next to danger, its first answer opens
// with its own 999 action, which begins within the first eight words (../shared/eval/danger-first.js).
const MAX = 50;
const DANGER_MAX = 60;

function wordsBeforeClosingQuestion(speech: string): number {
  const text = speech.replace(/\s+/g, ' ').trim();
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  const last = sentences[sentences.length - 1] ?? '';
  if (sentences.length > 1 && /\?\s*$/.test(last) && last.split(/\s+/).filter(Boolean).length <= 15) sentences.pop();
  return sentences.join(' ').split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
}

function wordsBefore999(speech: string): number {
  const words = speech.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[^a-z0-9' ]/g, ' ').split(' ').filter(Boolean);
  const at = words.findIndex((w, k) => /999/.test(w) || (w === 'nine' && words[k + 1] === 'nine' && words[k + 2] === 'nine'));
  return at < 0 ? Infinity : at;
}

async function spoken(body: RequestBody): Promise<string> {
  const r = await handler(buildEnvelope(body, newSession()));
  const speech = r.response.outputSpeech;
  return ssmlToText(speech?.type === 'SSML' ? speech.ssml : '');
}

/** Topics next to danger (issue 12): whatever they are taken for, 999 is heard first. */
const NEXT_TO_DANGER = ['overview', 'driving', 'verify', 'questions', 'warrant_card', 'plain_clothes', 'running', 'needs', 'afterwards', 'danger'];

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
    if (NEXT_TO_DANGER.includes(entry.id)) expect({ nineNineNineFirst: wordsBefore999(speech) <= 7, speech }).toEqual({ nineNineNineFirst: true, speech });
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
