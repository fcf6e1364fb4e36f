import type { ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../lambda/index';
import { ssmlToText } from '../simulator/speechText';
import { intent, launch, SessionDriver } from './support/requests';
import { problemsWith } from './support/wellFormed';

const said = (r: ResponseEnvelope) => ssmlToText(r.response.outputSpeech?.type === 'SSML' ? r.response.outputSpeech.ssml : '');
const topicOf = (r: ResponseEnvelope) => (r.sessionAttributes?.conversation as { topic?: string } | undefined)?.topic ?? null;
const driver = () => new SessionDriver(handler);

describe('opening, help, fallback and stop', () => {
  test('launch says what to do in danger first, then what can be asked, and listens', async () => {
    const r = await driver().send(launch());
    const first = said(r).split(/(?<=\.)\s/)[0] ?? '';
    expect(first).toMatch(/danger.*call nine nine nine/i);
    expect(said(r)).toMatch(/\?$/);
    expect(r.response.shouldEndSession).toBe(false);
    expect(await problemsWith(r)).toEqual([]);
  });

  test('help names what can be asked and keeps the session open', async () => {
    const r = await driver().send(intent('AMAZON.HelpIntent'));
    expect(said(r)).toMatch(/^In danger now\? Call nine nine nine\. I can help you check an officer is genuine/);
    expect(said(r)).toMatch(/practise/);
    expect(topicOf(r)).toBe('help');
    expect(r.response.shouldEndSession).toBe(false);
  });

  test('fallback says briefly what the skill can do and keeps the session open', async () => {
    const r = await driver().send(intent('AMAZON.FallbackIntent'));
    expect(said(r)).toMatch(/I can help with/);
    expect(topicOf(r)).toBe('out_of_scope');
    expect(r.response.shouldEndSession).toBe(false);
  });

  test.each(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NoIntent'])('%s ends the session', async (name) => {
    const r = await driver().send(intent(name));
    expect(r.response.shouldEndSession).toBe(true);
    expect(r.response.reprompt).toBeUndefined();
    expect(topicOf(r)).toBe('stop');
  });

  test('a session ended by Alexa gets no speech', async () => {
    const r = await driver().send({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    expect(r.response.outputSpeech).toBeUndefined();
  });
});

describe('navigation', () => {
  test('more, previous, repeat and start over walk through an answer', async () => {
    const d = driver();
    const first = await d.send(intent('WalkingAwayIntent'));
    const more = await d.send(intent('AMAZON.MoreIntent'));
    expect(said(more)).toMatch(/^In England and Wales, running from a genuine officer/);
    const yes = await d.send(intent('AMAZON.YesIntent'));
    expect(said(yes)).toMatch(/only asking you questions/);
    expect(said(await d.send(intent('AMAZON.NextIntent')))).toMatch(/isn't a real officer/);
    const nations = await d.send(intent('AMAZON.NextIntent'));
    expect(said(nations)).toMatch(/In Scotland.*In Northern Ireland/);
    expect(said(nations)).toMatch(/What else would you like to know\?$/);
    const past = await d.send(intent('AMAZON.NextIntent'));
    expect(said(past)).toMatch(/That's everything I have on that/);
    const back = await d.send(intent('AMAZON.PreviousIntent'));
    expect(said(back)).toMatch(/In Scotland/);
    const again = await d.send(intent('AMAZON.RepeatIntent'));
    expect(said(again)).toBe(said(back));
    const top = await d.send(intent('AMAZON.StartOverIntent'));
    // The first time, the answer asked where the user is; from the top, it offers more.
    expect(said(first)).toMatch(/Are you in England, Wales, Scotland or Northern Ireland\?$/);
    expect(said(top)).toContain(said(first).replace(/ Are you in England, Wales, Scotland or Northern Ireland\?$/, ''));
    expect(said(top)).toMatch(/Would you like to hear more\?$/);
  });

  test('naming Scotland brings its note into the first answer', async () => {
    const r = await driver().send(intent('WalkingAwayIntent', { nation: { value: 'scotland', id: 'scotland' } }));
    expect(said(r)).toMatch(/In Scotland, it's an offence to resist, obstruct or hinder/);
    expect(said(r)).not.toMatch(/It's different in Scotland and Northern Ireland/);
  });

  test('repeat, next and previous with nothing open still answer and listen', async () => {
    for (const name of ['AMAZON.RepeatIntent', 'AMAZON.NextIntent', 'AMAZON.PreviousIntent', 'AMAZON.StartOverIntent', 'AMAZON.YesIntent']) {
      const r = await driver().send(intent(name));
      expect(r.response.shouldEndSession).toBe(false);
      expect(await problemsWith(r)).toEqual([]);
    }
  });

  test('yes after the danger answer says it again', async () => {
    const d = driver();
    const danger = await d.send(intent('InDangerIntent'));
    const yes = await d.send(intent('AMAZON.YesIntent'));
    expect(said(yes)).toBe(said(danger));
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
        expect(topicOf(r) === null || typeof topicOf(r) === 'string').toBe(true);
      }
    }
  });
});

describe('every response the skill gives to the model\'s intents is well formed', () => {
  test.each([
    'LoneOfficerStopIntent', 'UnmarkedCarStopIntent', 'QuestionsToAskIntent', 'CheckOfficerIsRealIntent', 'WarrantCardIntent',
    'PlainClothesOfficerIntent', 'InDangerIntent', 'WalkingAwayIntent', 'EmergencyNumbersIntent', 'AdviceSourcesIntent',
  ])('%s, and every page after it', async (name) => {
    const d = driver();
    let r = await d.send(intent(name));
    for (let page = 0; page < 8 && r.response.shouldEndSession === false; page++) {
      expect(await problemsWith(r)).toEqual([]);
      // Informational answers carry a card with the same words (digits kept for numbers).
      if (!/That's everything/.test(said(r))) expect(r.response.card?.type).toBe('Simple');
      r = await d.send(intent('AMAZON.NextIntent'));
    }
  });
});
