import { AlexaTest, IntentRequestBuilder } from 'ask-sdk-test';
import { handler } from '../lambda/index';
import { skillSettings } from './support/skillSettings';
import { ssmlToText } from '../simulator/speechText';

// Request and response tests through ask-sdk-test: each topic intent answered with its key facts,
// the session kept open with a question, and a card with the same words.
const alexaTest = new AlexaTest(handler, skillSettings);
const ask = (intent: string) => new IntentRequestBuilder(skillSettings, intent).build();
const spoken = (speech: string) => ssmlToText(speech).toLowerCase();
const has = (...patterns: RegExp[]) => (speech: string) => patterns.every((p) => p.test(spoken(speech)));

describe('each topic answers with its key facts', () => {
  alexaTest.test([
    { request: ask('LoneOfficerStopIntent'), says: has(/^call nine nine nine on your own phone to check they're police/, /warrant card/, /colleagues/, /why they're stopping you/), shouldEndSession: false, hasCardTitle: 'If a lone officer stops you' },
    { request: ask('UnmarkedCarStopIntent'), says: has(/^frightened\? call nine nine nine yourself, hands-free, to check the car is genuine/, /nearest busy, well-lit/, /doors locked until you're sure/), shouldEndSession: false },
    { request: ask('QuestionsToAskIntent'), says: has(/^feel unsafe\? call nine nine nine/, /where are your colleagues/, /where have you come from/, /why are you here/, /why are you stopping me/), shouldEndSession: false },
    { request: ask('AnsweringQuestionsIntent'), says: has(/^unsure they're real\? call nine nine nine on your own phone to check/, /in england and wales, you usually don't have to/, /colleagues/, /it's different in scotland and northern ireland/), shouldEndSession: false, hasCardTitle: 'Do you have to answer a lone officer?' },
    { request: ask('CheckOfficerIsRealIntent'), says: has(/^call nine nine nine on your own phone to check the officer/, /call handler/, /warrant card/), shouldEndSession: false },
    { request: ask('WarrantCardIntent'), says: has(/^ring nine nine nine yourself/, /photo id/, /read out their name and number/), shouldEndSession: false },
    { request: ask('MustShowWarrantCardIntent'), says: has(/^ring nine nine nine yourself/, /in england and wales, an officer who isn't in uniform must show you their warrant card/, /police in scotland and northern ireland say their officers carry id and will show it/), shouldEndSession: false, hasCardTitle: 'When an officer must show a warrant card' },
    { request: ask('PlainClothesOfficerIntent'), says: has(/nine nine nine/, /extremely unusual/, /the met pledged/, /police scotland says/, /pairs/), shouldEndSession: false },
    { request: ask('WalkingAwayIntent'), says: has(/^in real danger, call nine nine nine/, /across the uk, resisting or obstructing a genuine officer can be an offence/, /not legal advice/), shouldEndSession: false },
    { request: ask('DriveOnBeforeStoppingIntent'), says: has(/^frightened\? call nine nine nine yourself, hands-free/, /show you've seen it, don't speed off, drive steadily to the nearest busy, lit place/, /not stopping for, or obstructing, a genuine uniformed officer can still be an offence/), shouldEndSession: false, hasCardTitle: 'Driving on before you stop' },
    { request: ask('EmergencyNumbersIntent'), says: has(/nine nine nine/, /one one two/, /say where you are first/, /one oh one/, /five five/, /alexa can't call/), shouldEndSession: false },
    { request: ask('AdviceSourcesIntent'), says: has(/not official/, /not from the police/, /metropolitan police/, /national police chiefs' council/, /police scotland/), shouldEndSession: false },
    { request: ask('AfterwardsIntent'), says: has(/^if it's happening now, call nine nine nine/, /pretended to be police, call one oh one/, /note down/), shouldEndSession: false, hasCardTitle: 'After a stop: reporting and complaining' },
    { request: ask('NeedsIntent'), says: has(/^call nine nine nine on your own phone/, /nine nine nine bsl/, /read out their name and number/), shouldEndSession: false },
  ]);
});

describe('the danger answer', () => {
  alexaTest.test([{
    request: ask('InDangerIntent'),
    says: (speech: string) => {
      const words = spoken(speech).split(/\s+/);
      const at = words.findIndex((w, i) => w === 'nine' && words[i + 1] === 'nine' && words[i + 2] === 'nine');
      // Where you are, right after the call; the silent-call line ends on what 55 does, not on a negative.
      return at >= 0 && at < 8
        && /^call nine nine nine on your own phone now\. tell the call handler where you are\./.test(spoken(speech))
        && /alexa can't call it for you/.test(spoken(speech))
        && /shout for help/.test(spoken(speech))
        && /press five five when a recording asks: it doesn't give your location, but it puts you through to the police\./.test(spoken(speech))
        && (spoken(speech).match(/\?/g) ?? []).length === 1
        && spoken(speech).endsWith('shall i say that again?');
    },
    shouldEndSession: false,
    hasCardTitle: "If you're in danger",
    hasCardContentLike: 'Call 999 on your own phone',
  }]);
});
