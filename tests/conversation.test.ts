import type { ResponseEnvelope } from 'ask-sdk-model';
import { GUIDANCE, TOPIC_IDS } from '../lambda/guidance';
import { handler } from '../lambda/index';
import { said, testTurns, user } from './support/conversation';
import { intent, launch, SessionDriver } from './support/requests';
import { problemsWith } from './support/wellFormed';

const topicOf = (r: ResponseEnvelope) => (r.sessionAttributes?.conversation as { topic?: string } | undefined)?.topic ?? null;
const driver = () => new SessionDriver(handler);

describe('opening, help, fallback and stop', () => {
  test('launch says what to do in danger first, then what can be asked, and listens', async () => {
    const [r] = await testTurns(driver(), [[launch(), { says: /\?$/ }]]);
    const first = said(r as ResponseEnvelope).split(/(?<=\.)\s/)[0] ?? '';
    expect(first).toMatch(/danger.*call nine nine nine/i);
  });

  test('help names what can be asked and keeps the session open', async () => {
    await testTurns(driver(), [[user('AMAZON.HelpIntent'), {
      says: [/^In danger now\? Call nine nine nine\. I can help you check an officer is genuine/, /practise/],
      topic: 'help',
    }]]);
  });

  test('fallback says briefly what the skill can do and keeps the session open', async () => {
    await testTurns(driver(), [[user('AMAZON.FallbackIntent'), { says: /I can help with/, topic: 'out_of_scope' }]]);
  });

  test.each(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NoIntent'])('%s ends the session', async (name) => {
    const [r] = await testTurns(driver(), [[user(name), { ends: true, topic: 'stop' }]]);
    expect(r?.response.reprompt).toBeUndefined();
  });

  test('a session ended by Alexa gets no speech', async () => {
    await testTurns(driver(), [[{ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' }, { ends: true, silent: true }]]);
  });
});

describe('navigation', () => {
  test('more, previous and repeat walk through an answer; start over goes to the welcome', async () => {
    const [, , , , , , back, again] = await testTurns(driver(), [
      // The first time, the answer asks where the user is; "more" goes on all the same.
      [user('WalkingAwayIntent'), { says: /Are you in England, Wales, Scotland or Northern Ireland\?$/ }],
      [user('AMAZON.MoreIntent'), { says: /^In England and Wales, running from a genuine officer/ }],
      [user('AMAZON.YesIntent'), { says: /only asking you questions/ }],
      [user('AMAZON.NextIntent'), { says: /isn't a real officer/ }],
      [user('AMAZON.NextIntent'), { says: [/In Scotland.*In Northern Ireland/, /Would you like to hear what else I can help with\?$/] }],
      [user('AMAZON.NextIntent'), { says: /^In danger now\? Call nine nine nine\. That's everything I have on that/ }],
      [user('AMAZON.PreviousIntent'), { says: /In Scotland/ }],
      [user('AMAZON.RepeatIntent'), {}],
      // The start of the skill, not of the answer (docs/conversation.md): 999 first, then what can be asked.
      [user('AMAZON.StartOverIntent'), { topic: null, says: /^If you're in danger now, call nine nine nine on your own phone\. This is Officer Check Guide.*What would you like to know\?$/ }],
      // Nothing is open any more, so "more" asks for the guidance itself: the main answer, 999 first.
      [user('AMAZON.MoreIntent'), { topic: 'overview', says: /^Call nine nine nine on your own phone to check they're police/ }],
    ]) as ResponseEnvelope[];
    expect(said(again as ResponseEnvelope)).toBe(said(back as ResponseEnvelope));
  });

  test('naming Scotland brings its note into the first answer', async () => {
    await testTurns(driver(), [[intent('WalkingAwayIntent', { nation: { value: 'scotland', id: 'scotland' } }), {
      says: /In Scotland, it's an offence to resist, obstruct or hinder/,
      never: /It's different in Scotland and Northern Ireland/,
    }]]);
  });

  test('repeat, next and previous with nothing open still answer and listen', async () => {
    for (const name of ['AMAZON.RepeatIntent', 'AMAZON.NextIntent', 'AMAZON.PreviousIntent', 'AMAZON.StartOverIntent', 'AMAZON.YesIntent']) {
      await testTurns(driver(), [[user(name), { ends: false }]]);
    }
  });

  test('yes after the danger answer says it again', async () => {
    const [danger, yes] = await testTurns(driver(), [[user('InDangerIntent'), {}], [user('AMAZON.YesIntent'), {}]]);
    expect(said(yes as ResponseEnvelope)).toBe(said(danger as ResponseEnvelope));
  });
});

describe('a broken session', () => {
  test('malformed conversation state is dropped, and the answer still comes', async () => {
    const broken = [
      { conversation: 'nonsense' },
      { conversation: { entry: 'no-such-entry', page: 99, last: { lines: [{ key: 42 }] } } },
      { conversation: { entry: 'running', page: -3, last: { lines: 'x', offer: 'launchMissiles' } } },
      { conversation: { topic: 'hacked', entry: 'running', page: 1.5, nation: 'atlantis' } },
    ];
    for (const attributes of broken) {
      for (const name of ['AMAZON.RepeatIntent', 'AMAZON.NextIntent', 'AMAZON.PreviousIntent', 'AMAZON.YesIntent', 'QuestionsToAskIntent']) {
        const r = await handler({
          version: '1.0',
          session: { new: false, sessionId: 's', application: { applicationId: 'a' }, user: { userId: 'u' }, attributes },
          context: { System: { application: { applicationId: 'a' }, user: { userId: 'u' }, device: { deviceId: 'd', supportedInterfaces: {} }, apiEndpoint: '' } },
          request: { type: 'IntentRequest', requestId: 'r', timestamp: new Date().toISOString(), locale: 'en-GB', dialogState: 'STARTED', intent: { name, confirmationStatus: 'NONE' } },
        } as never);
        expect(await problemsWith(r)).toEqual([]);
        expect(said(r)).not.toMatch(/Sorry, I missed that/);
        expect([null, ...TOPIC_IDS]).toContain(topicOf(r));
      }
    }
  });
});

describe('the needs answer points to reporting and complaints', () => {
  test('read to its end, it says once what to say to report or complain (those words are a sample of afterwards: model.test)', async () => {
    const d = driver();
    const heard: string[] = [said(await d.send(intent('NeedsIntent')))];
    while (!/That's everything/.test(heard[heard.length - 1] ?? '') && heard.length < 12) heard.push(said(await d.send(intent('AMAZON.NextIntent'))));
    expect(heard.filter((s) => /or to complain about an officer, say: how do I complain\./.test(s))).toHaveLength(1);
    await testTurns(d, [[user('AfterwardsIntent'), { topic: 'afterwards', says: /^If it's happening now, call nine nine nine\. To report someone who pretended to be police/ }]]);
  });
});

describe('every response the skill gives to the model\'s intents is well formed', () => {
  test.each(GUIDANCE.map((entry) => entry.intent))('%s, and every page after it', async (name) => {
    const d = driver();
    let r = await d.send(intent(name));
    for (let page = 0; page < 8 && r.response.shouldEndSession === false; page++) {
      expect(await problemsWith(r)).toEqual([]);
      if (/That's everything/.test(said(r))) break;
      // Informational answers carry a card with the same words (digits kept for numbers).
      expect(r.response.card?.type).toBe('Simple');
      r = await d.send(intent('AMAZON.NextIntent'));
    }
  });
});
