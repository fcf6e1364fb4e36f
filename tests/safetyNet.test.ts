import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../lambda/index';
import { buildEnvelope, type RequestBody } from '../simulator/envelope';
import { said, testTurns, user } from './support/conversation';
import { saysDangerFirst } from '../scripts/dangerFirst';
import { intent, launch, SessionDriver } from './support/requests';

// The safety net (docs/conversation.md): an answer with no 999 action of its own, that a frightened
// person could get when their words are misheard, opens with "In danger now? Call nine nine nine."

const PREFIX = /^In danger now\? Call nine nine nine\. /;
const driver = () => new SessionDriver(handler);
const start = intent('StartRehearsalIntent', { scene: { value: 'quiet_street', id: 'quiet_street' } }, ['scene']);

const misheard: [string, RequestBody[], RequestBody][] = [
  ['the fallback', [], user('AMAZON.FallbackIntent')],
  ['help', [], user('AMAZON.HelpIntent')],
  ['an intent the skill has no answer for', [], user('SomethingUnknownIntent')],
  ['nothing to repeat', [], user('AMAZON.RepeatIntent')],
  ['no topic yet, for "previous"', [], user('AMAZON.PreviousIntent')],
  ['no more to say', [user('InDangerIntent')], user('AMAZON.NextIntent')],
  ['"no" with nothing asked', [], user('AMAZON.NoIntent')],
  ['goodbye', [], user('AMAZON.StopIntent')],
  ['"I didn\'t catch a move"', [start], user('AMAZON.FallbackIntent')],
  ['help in a practice', [start], user('AMAZON.HelpIntent')],
  ['stopping a practice', [start], user('AMAZON.StopIntent')],
  // Before any guidance, a setting could be danger misheard ("held down" taken for "slow down").
  ['"slower" before any guidance', [], user('SpeakSlowerIntent')],
  ['"faster" after the welcome', [launch()], user('SpeakFasterIntent')],
  ['"normal speed" after help', [user('AMAZON.HelpIntent')], user('NormalSpeedIntent')],
  ['"short answers" before any guidance', [], user('ShortAnswersIntent')],
  ['"full answers" before any guidance', [], user('FullAnswersIntent')],
  ['"forget me" before any guidance', [], user('ForgetMeIntent')],
  ['"send it to my phone" with nothing open', [], user('SendToPhoneIntent')],
];

describe('answers with no 999 action of their own open with "In danger now? Call nine nine nine."', () => {
  test.each(misheard)('%s', async (_label, before, body) => {
    const d = driver();
    for (const turn of before) await d.send(turn);
    const speech = said(await d.send(body));
    expect({ speech, prefixed: PREFIX.test(speech), dangerFirst: saysDangerFirst(speech) }).toEqual({ speech, prefixed: true, dangerFirst: true });
  });

  test.each([
    ['slower', 'SpeakSlowerIntent'], ['short answers', 'ShortAnswersIntent'], ['forget me', 'ForgetMeIntent'], ['send it to my phone', 'SendToPhoneIntent'],
  ])('"%s" once guidance has been given says no danger line: it is plainly about what was heard', async (_label, name) => {
    const d = driver();
    await d.send(user('CheckOfficerIsRealIntent'));
    expect(said(await d.send(user(name)))).not.toMatch(/In danger now/);
  });

  test('"more" before any answer gets the main answer, which opens with its own 999 action', async () => {
    const speech = said(await driver().send(user('AMAZON.MoreIntent')));
    expect({ prefixed: PREFIX.test(speech), dangerFirst: saysDangerFirst(speech) }).toEqual({ prefixed: false, dangerFirst: true });
    expect(speech).toMatch(/Ask to see their warrant card/);
  });

  test('a request the skill cannot use (a touch on a screen)', async () => {
    const envelope = buildEnvelope({ type: 'LaunchRequest' }, { sessionId: 'amzn1.echo-api.session.touch', isNew: false, attributes: {} });
    const touch = { ...envelope, request: { ...envelope.request, type: 'Alexa.Presentation.APL.UserEvent' } } as RequestEnvelope;
    const r = await handler(touch);
    expect(said(r)).toMatch(PREFIX);
    expect(r.response.shouldEndSession).toBe(false);
  });

  test('"previous" after the danger answer says it again as it is, 999 first, with no line about its start', async () => {
    const d = driver();
    const danger = said(await d.send(user('InDangerIntent')));
    expect(said(await d.send(user('AMAZON.PreviousIntent')))).toBe(danger);
  });

  test('"no" to an offer: 999 within the first eight words, after "All right"', async () => {
    const [, no] = await testTurns(driver(), [[user('AMAZON.HelpIntent'), {}], [user('AMAZON.NoIntent'), {}]]);
    expect(saysDangerFirst(said(no as ResponseEnvelope))).toBe(true);
  });
});
