import type { ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from '../lambda/skill';
import { conversationOf, said, testTurns, user, type Turn } from './support/conversation';
import { GUIDANCE } from '../lambda/guidance';
import { saysDangerFirst } from '../scripts/dangerFirst';
import { MemoryAdapter } from './support/memoryAdapter';
import { intent, launch, SessionDriver } from './support/requests';
import type { RequestBody } from '../simulator/envelope';

// The rules of docs/conversation.md, as scripts: one meaning for "no", "start over", danger said to
// be real in the middle of a practice, and what can be asked mid-practice with the scene kept.

function skillWith(store = new MemoryAdapter()) {
  const skill = buildSkill({ persistenceAdapter: store });
  return { store, driver: new SessionDriver((event) => skill.invoke(event)) };
}
const driver = () => skillWith().driver;
const start = (id: string): RequestBody => intent('StartRehearsalIntent', { scene: { value: id, id } }, ['scene']);

const TURNED_DOWN = /^All right\. In danger now\? Call nine nine nine\. What else would you like to know\?$/;
const GOODBYE = /^In danger now\? Call nine nine nine\. Take care\. Goodbye\.$/;

describe('"no" to an offer turns it down and the skill stays; a second "no" says goodbye', () => {
  const offers: [string, RequestBody[], RegExp][] = [
    // The first answer may ask where the user is first; "more" goes on to a page that offers more.
    ['Would you like to hear more?', [intent('WalkingAwayIntent'), intent('AMAZON.MoreIntent')], /Would you like to hear more\?$/],
    ['Would you like some tips on getting around?', [intent('AMAZON.HelpIntent')], /Would you like some tips on getting around\?$/],
    // The end of an answer is an offer too, so "no thanks" to it is not taken for goodbye.
    ['Would you like to hear what else I can help with?', [intent('AdviceSourcesIntent'), ...Array(3).fill(intent('AMAZON.NextIntent'))], /Would you like to hear what else I can help with\?$/],
    ['Shall I say that again?', [intent('InDangerIntent')], /Shall I say that again\?$/],
    ['Would you like to practise what to say?', [intent('QuestionsToAskIntent'), ...Array(6).fill(intent('AMAZON.MoreIntent'))], /Would you like to practise what to say\?$/],
    ['Would you like to try another scene?', [start('busy_street'), ...Array(4).fill(intent('AMAZON.NextIntent'))], /Would you like to try another scene\?$/],
  ];

  test.each(offers)('%s', async (_offer, toReach, asked) => {
    const d = driver();
    let last: ResponseEnvelope | undefined;
    for (const body of toReach) {
      last = await d.send(body);
      if (asked.test(said(last))) break;
    }
    expect(said(last as ResponseEnvelope)).toMatch(asked);
    const [no] = await testTurns(d, [
      [user('AMAZON.NoIntent'), { says: TURNED_DOWN, topic: null, ends: false }],
      [user('AMAZON.NoIntent'), { says: GOODBYE, topic: 'stop', ends: true }],
    ]);
    expect(conversationOf(no as ResponseEnvelope).rehearsal ?? null).toBeNull();
  });

  test('"no" to picking up a scene left part-way forgets it, and the skill stays', async () => {
    const { driver: d } = skillWith();
    await d.send(start('busy_street'));
    await d.send({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    await testTurns(d, [
      [launch(), { says: /Shall we pick it up\?$/ }],
      [user('AMAZON.NoIntent'), { says: TURNED_DOWN, ends: false }],
      [user('AMAZON.StopIntent'), { ends: true }],
      [launch(), { never: /part-way/ }],
    ]);
  });

  test.each([
    ['What would you like to know?', [launch()]],
    ['What else would you like to know?', [intent('WalkingAwayIntent'), intent('SendToPhoneIntent')]],
  ])('"no" to the open question "%s" says goodbye', async (question, toReach) => {
    const d = driver();
    let last: ResponseEnvelope | undefined;
    for (const body of toReach) {
      last = await d.send(body);
      if (said(last).endsWith(question)) break;
    }
    expect(said(last as ResponseEnvelope).endsWith(question)).toBe(true);
    await testTurns(d, [[user('AMAZON.NoIntent'), { says: GOODBYE, ends: true }]]);
  });

  test('"no" with nothing asked says goodbye', async () => {
    await testTurns(driver(), [[user('AMAZON.NoIntent'), { says: GOODBYE, topic: 'stop', ends: true }]]);
  });
});

describe('with no answer begun', () => {
  test('"go on" or "yes" after the welcome asks for the guidance itself: the main answer, 999 first', async () => {
    for (const name of ['AMAZON.MoreIntent', 'AMAZON.NextIntent', 'AMAZON.YesIntent']) {
      await testTurns(driver(), [
        [launch(), { topic: null }],
        [user(name), { topic: 'overview', says: /^Call nine nine nine on your own phone to check they're police/ }],
      ]);
    }
  });

  test('"go on" to "shall we pick it up?" picks the scene up, as "yes" does', async () => {
    const { driver: d } = skillWith();
    await d.send(start('quiet_street'));
    await d.send(user('AskWarrantCardMoveIntent'));
    await d.send({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    await testTurns(d, [
      [launch(), { says: /Shall we pick it up\?$/ }],
      [user('AMAZON.MoreIntent'), { topic: 'rehearse', scene: 'quiet_street', says: BEAT_TWO }],
    ]);
  });

  test('"go on" to another question ("Northern Ireland, or the Republic?") is not taken for yes: the main answer', async () => {
    await testTurns(driver(), [
      [intent('SetNationIntent', { nation: { value: 'ireland', id: 'ireland' } }, ['nation']), { says: /Northern Ireland, or the Republic\?$/ }],
      [user('AMAZON.MoreIntent'), { topic: 'overview', says: /^Call nine nine nine on your own phone to check they're police/ }],
    ]);
  });

  test('"yes" to "what else I can help with?" on the last page of an answer gives help, 999 first', async () => {
    const d = driver();
    let last = await d.send(intent('AdviceSourcesIntent'));
    for (let i = 0; i < 8 && /Would you like to hear more\?$/.test(said(last)); i++) last = await d.send(intent('AMAZON.NextIntent'));
    expect(said(last)).toMatch(/^(?!.*That's everything).*Would you like to hear what else I can help with\?$/);
    await testTurns(d, [[user('AMAZON.YesIntent'), { topic: 'help', says: /^In danger now\? Call nine nine nine\. I can help you check an officer is genuine/ }]]);
  });

  test('"go on" past the end of an answer says that is everything, and "go on" again takes up the offer: help', async () => {
    const d = driver();
    let last = await d.send(intent('AdviceSourcesIntent'));
    for (let i = 0; i < 8 && /Would you like to hear more\?$/.test(said(last)); i++) last = await d.send(intent('AMAZON.NextIntent'));
    await testTurns(d, [
      [user('AMAZON.MoreIntent'), { topic: 'sources', says: /That's everything I have on that\. Would you like to hear what else I can help with\?$/ }],
      [user('AMAZON.MoreIntent'), { topic: 'help', says: /^In danger now\? Call nine nine nine\. I can help you check an officer is genuine/ }],
    ]);
  });

  test('"yes" to the open question after an answer still gets help', async () => {
    await testTurns(driver(), [
      [user('WalkingAwayIntent'), {}],
      [user('SendToPhoneIntent'), { says: /What else would you like to know\?$/ }],
      [user('AMAZON.YesIntent'), { topic: 'help' }],
    ]);
  });
});

describe('help offers more', () => {
  test.each(['AMAZON.YesIntent', 'AMAZON.MoreIntent'])('%s after help gives the rest of help', async (name) => {
    await testTurns(driver(), [
      [user('AMAZON.HelpIntent'), { says: /^In danger now\? Call nine nine nine\..*Would you like some tips on getting around\?$/, topic: 'help' }],
      [user(name), { says: /^Say more for detail, repeat to hear it again.*Say forget me to delete what I've saved\. What would you like to know\?$/, topic: 'help' }],
    ]);
  });
});

describe('"start over"', () => {
  test('in the middle of an answer goes to the welcome, not back into the answer', async () => {
    await testTurns(driver(), [
      [user('CheckOfficerIsRealIntent'), {}],
      [user('AMAZON.MoreIntent'), {}],
      [user('AMAZON.StartOverIntent'), {
        topic: null,
        says: /^If you're in danger now, call nine nine nine on your own phone\. This is Officer Check Guide.*What would you like to know\?$/,
        never: /warrant card/,
      }],
    ]);
  });

  test('in the middle of a scene plays the scene again from its start', async () => {
    await testTurns(driver(), [
      [start('quiet_street'), {}],
      [user('AskWarrantCardMoveIntent'), { verdict: 'good' }],
      [user('AMAZON.StartOverIntent'), { scene: 'quiet_street', says: /^From the top\. It's late.*Police\. I need a word/ }],
    ]);
  });
});

const BEAT_ONE = /He says: Police\. I need a word\. Come over here\. What do you say or do\?$/;
const BEAT_TWO = /He says: I haven't got time for this\. You need to come with me\./;

describe('danger said to be real, in the middle of a practice', () => {
  const realDanger: Turn = [user('InDangerIntent'), {
    topic: 'danger', scene: 'quiet_street', move: null, verdict: null,
    says: [/^Call nine nine nine on your own phone now\. Tell the call handler where you are\. Alexa can't call it for you\./, /Would you like to carry on practising\?$/],
    never: /\b(Good|Well done)\b|practice stop/,
  }];

  test('gets the real danger answer, 999 first, no verdict; "yes" carries on where the scene was', async () => {
    const [, , danger] = await testTurns(driver(), [
      [start('quiet_street'), {}],
      [user('AskWarrantCardMoveIntent'), { verdict: 'good', says: BEAT_TWO }],
      realDanger,
      [user('AMAZON.YesIntent'), { scene: 'quiet_street', move: null, says: [/^Let's pick up where you left off\./, BEAT_TWO] }],
      // The moment that was waiting is the one played.
      [user('CallToCheckMoveIntent'), { move: 'call_to_check', verdict: 'good', says: /My car's just round the corner/ }],
    ]);
    expect(saysDangerFirst(said(danger as ResponseEnvelope))).toBe(true);
  });

  test('"carry on" or "keep going" to that offer picks the scene up where it was, like "yes"', async () => {
    for (const name of ['AMAZON.MoreIntent', 'AMAZON.NextIntent']) {
      await testTurns(driver(), [
        [start('quiet_street'), {}],
        [user('AskWarrantCardMoveIntent'), { verdict: 'good', says: BEAT_TWO }],
        realDanger,
        [user(name), { scene: 'quiet_street', move: null, says: [/^Let's pick up where you left off\./, BEAT_TWO] }],
      ]);
    }
  });

  test('"repeat" says the danger answer again, with the same offer', async () => {
    const [, danger, again] = await testTurns(driver(), [[start('quiet_street'), {}], realDanger, [user('AMAZON.RepeatIntent'), {}]]);
    expect(said(again as ResponseEnvelope)).toBe(said(danger as ResponseEnvelope));
  });

  test('"no" leaves the practice there, calmly, and the skill stays; the scene is not offered again', async () => {
    const { driver: d } = skillWith();
    const [, , no] = await testTurns(d, [
      [start('quiet_street'), {}],
      realDanger,
      [user('AMAZON.NoIntent'), { topic: null, ends: false, says: /^All right\. We'll leave the practice there\. In danger now\? Call nine nine nine\. What else would you like to know\?$/ }],
      // Out of the scene: a move is a question again.
      [user('AskWarrantCardMoveIntent'), { topic: 'warrant_card' }],
      [user('AMAZON.StopIntent'), { ends: true }],
      [launch(), { never: /part-way|slipped your mind/ }],
    ]);
    expect(conversationOf(no as ResponseEnvelope).rehearsal ?? null).toBeNull();
  });

  test('"stop" says goodbye with no summary of the practice', async () => {
    await testTurns(driver(), [
      [start('quiet_street'), {}],
      realDanger,
      [user('AMAZON.StopIntent'), { ends: true, says: 'Take care. Goodbye.' }],
    ]);
  });

  test.each(['AMAZON.HelpIntent', 'DontKnowMoveIntent', 'AMAZON.FallbackIntent'])('%s after it, then "stop": goodbye, with no summary of the practice', async (name) => {
    await testTurns(driver(), [
      [start('quiet_street'), {}],
      realDanger,
      [user(name), { says: /Would you like to carry on practising\?$/ }],
      [user('AMAZON.StopIntent'), { ends: true, says: 'Take care. Goodbye.' }],
    ]);
  });

  test('"go home" after it: the welcome, and the scene is not offered at the next launch', async () => {
    const { driver: d } = skillWith();
    await testTurns(d, [
      [start('quiet_street'), {}],
      realDanger,
      [user('AMAZON.NavigateHomeIntent'), { topic: null, says: /This is Officer Check Guide/ }],
      [user('AMAZON.StopIntent'), { ends: true }],
      [launch(), { never: /part-way|pick it up/ }],
    ]);
  });

  test.each(GUIDANCE.filter((entry) => entry.inRehearsal !== 'real' && entry.inRehearsal !== 'aside').map((entry) => [entry.intent, entry.topic]))(
    '%s after it is answered as anywhere (%s), 999 first, and the scene is not played on or summarised',
    async (name, topic) => {
      const [, , answer] = await testTurns(driver(), [
        [start('quiet_street'), {}],
        realDanger,
        [user(name), { topic, verdict: null, never: /What do you say or do\?|^Good/ }],
        [user('AMAZON.StopIntent'), { ends: true, never: /We'll stop there|Well done for practising/ }],
      ]);
      expect(saysDangerFirst(said(answer as ResponseEnvelope))).toBe(true);
    },
  );

  test('"slower, say that again" after it: the danger answer again, 999 first', async () => {
    const [, danger, again] = await testTurns(driver(), [
      [start('quiet_street'), {}],
      realDanger,
      [intent('SpeakSlowerIntent', { then: { value: 'say that again', id: 'again' } }, ['then']), { says: /^In danger now\? Call nine nine nine\. All right, I'll speak more slowly/ }],
    ]);
    expect(said(again as ResponseEnvelope)).toContain(said(danger as ResponseEnvelope).replace(/ Would you like to carry on practising\?$/, ''));
  });

  test('"send it to my phone" after it: the danger steps, as a card', async () => {
    await testTurns(driver(), [
      [user('AfterwardsIntent'), {}],
      [start('quiet_street'), {}],
      realDanger,
      [user('SendToPhoneIntent'), { cardTitle: "If you're in danger", says: /Would you like to carry on practising\?$/ }],
    ]);
  });

  test('a question after it is answered as anywhere, and the practice is left there', async () => {
    const { driver: d } = skillWith();
    await testTurns(d, [
      [start('quiet_street'), {}],
      realDanger,
      [user('LoneOfficerStopIntent'), { topic: 'overview', says: /^Call nine nine nine on your own phone to check they're police/ }],
      [user('AMAZON.StopIntent'), { ends: true }],
      [launch(), { never: /part-way|pick it up/ }],
    ]);
  });

  test('"slower, and carry on" to that offer changes the speed and picks the scene up where it was', async () => {
    await testTurns(driver(), [
      [start('quiet_street'), {}],
      [user('AskWarrantCardMoveIntent'), { verdict: 'good', says: BEAT_TWO }],
      realDanger,
      [intent('SpeakSlowerIntent', { then: { value: 'carry on', id: 'on' } }, ['then']), {
        scene: 'quiet_street', says: [/^All right, I'll speak more slowly.*Let's pick up where you left off\./, BEAT_TWO],
      }],
    ]);
  });

  test.each(['AMAZON.HelpIntent', 'DontKnowMoveIntent', 'AMAZON.FallbackIntent'])(
    '%s after it gives no hint and plays nothing on: 999 first, and carrying on asked again',
    async (name) => {
      await testTurns(driver(), [
        [start('quiet_street'), {}],
        realDanger,
        [user(name), { move: null, verdict: null, says: /^In danger now\? Call nine nine nine\. Would you like to carry on practising\?$/ }],
        // The scene was not played on: "yes" picks it up at the moment that was waiting.
        [user('AMAZON.YesIntent'), { scene: 'quiet_street', says: [/^Let's pick up where you left off\./, BEAT_ONE] }],
      ]);
    },
  );

  test('if the session ends there, the next launch does not offer the scene; carrying on stores it again', async () => {
    const { driver: d } = skillWith();
    await testTurns(d, [[start('quiet_street'), {}], [user('AskWarrantCardMoveIntent'), {}], realDanger]);
    await d.send({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    await testTurns(d, [
      [launch(), { never: /part-way|pick it up/ }],
      [start('quiet_street'), {}],
      realDanger,
      [user('AMAZON.YesIntent'), { scene: 'quiet_street' }],
    ]);
    await d.send({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    await testTurns(d, [[launch(), { says: /Shall we pick it up\?$/ }]]);
  });

  test.each(['SpeakSlowerIntent', 'ShortAnswersIntent', 'SendToPhoneIntent', 'AdviceSourcesIntent'])(
    '%s after it is answered, and carrying on is asked again; the scene waits, and "stop" still gives no summary',
    async (name) => {
      await testTurns(driver(), [
        [start('quiet_street'), {}],
        realDanger,
        [user(name), { move: null, verdict: null, says: /Would you like to carry on practising\?$/, never: /Back to the scene|What do you say or do/ }],
        [user('AMAZON.StopIntent'), { ends: true, says: 'Take care. Goodbye.' }],
      ]);
    },
  );

  test('getting to safety is still a practice move, judged as one', async () => {
    await testTurns(driver(), [
      [start('quiet_street'), {}],
      [user('GetToSafetyMoveIntent'), { topic: 'rehearse', move: 'safe_place', verdict: 'good', says: /^Good/ }],
    ]);
  });

  test('once the scene is over, it is the danger answer as anywhere', async () => {
    await testTurns(driver(), [
      [start('busy_street'), {}],
      ...Array<Turn>(4).fill([user('AMAZON.NextIntent'), {}]),
      [user('InDangerIntent'), { topic: 'danger', says: [/^Call nine nine nine/, /Shall I say that again\?$/] }],
    ]);
  });
});

describe('asked in the middle of a practice: answered, and the scene kept where it was', () => {
  const opening: Turn = [start('quiet_street'), { says: BEAT_ONE }];
  const sameMomentNext: Turn = [user('AskWarrantCardMoveIntent'), { move: 'warrant_card', verdict: 'good', says: BEAT_TWO }];

  test('send it to my phone: the steps of a stop as a card, then back to the scene', async () => {
    await testTurns(driver(), [
      opening,
      [user('SendToPhoneIntent'), {
        topic: 'rehearse', scene: 'quiet_street', move: null, verdict: null, cardTitle: 'If a lone officer stops you',
        says: [/^Alexa can't send texts or messages\..*in the Alexa app/, /Back to the scene\. He says: Police\. I need a word/],
        never: /didn't catch a move/,
      }],
      sameMomentNext,
    ]);
  });

  test('send it to my phone after a question: the steps of that topic', async () => {
    await testTurns(driver(), [
      [user('WarrantCardIntent'), {}],
      [start('quiet_street'), {}],
      [user('SendToPhoneIntent'), { cardTitle: 'Warrant cards', says: /Back to the scene/ }],
    ]);
  });

  test('where the advice comes from, then back to the scene', async () => {
    await testTurns(driver(), [
      opening,
      [user('AdviceSourcesIntent'), {
        topic: 'rehearse', move: null, verdict: null,
        says: [/^In danger now\? Call nine nine nine\. This guide is independent.*Police Scotland/, /Back to the scene\. He says: Police\. I need a word.*What do you say or do\?$/],
        never: /didn't catch a move/,
      }],
      sameMomentNext,
    ]);
  });

  test('help: how a practice works and a move to try, 999 first, and the scene waits', async () => {
    await testTurns(driver(), [
      opening,
      [user('AMAZON.HelpIntent'), { topic: 'rehearse', verdict: 'hint', says: /^In danger now\? Call nine nine nine\. This is a practice stop\./ }],
      sameMomentNext,
    ]);
  });

  test.each(['SpeakSlowerIntent', 'SpeakFasterIntent', 'ShortAnswersIntent', 'FullAnswersIntent'])('%s, then back to the scene', async (name) => {
    await testTurns(driver(), [
      opening,
      [user(name), { topic: 'rehearse', move: null, verdict: null, says: /^All right.*Back to the scene\..*Police\. I need a word/ }],
      sameMomentNext,
    ]);
  });

  test('forget me is honoured at once; the scene goes on, and nothing of it is saved', async () => {
    const { driver: d, store } = skillWith();
    await testTurns(d, [
      opening,
      sameMomentNext,
      [user('ForgetMeIntent'), {
        topic: 'rehearse', scene: 'quiet_street', move: null, verdict: null,
        says: /^Done\. I've deleted everything.*I won't save anything from this practice either\. Back to the scene\. He says: I haven't got time for this/,
      }],
      [user('CallToCheckMoveIntent'), { move: 'call_to_check', verdict: 'good' }],
      // The summary counts only what came after "forget me".
      [user('AMAZON.StopIntent'), { ends: true, says: /You checked by calling the police yourself/, never: /You asked for the warrant card/ }],
    ]);
    expect([...store.items.values()].some((item) => JSON.stringify(item).includes('quiet_street'))).toBe(false);
    await testTurns(d, [[launch(), { never: /part-way|slipped your mind/ }]]);
  });
});
