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
    { request: ask('LoneOfficerStopIntent'), says: has(/nine nine nine/, /warrant card/, /colleagues/, /why they're stopping you/), shouldEndSession: false, hasCardTitle: 'If a lone officer stops you' },
    { request: ask('UnmarkedCarStopIntent'), says: has(/unmarked car/, /busy, well-lit/, /doors locked/, /warrant card/, /nine nine nine, hands-free/), shouldEndSession: false },
    { request: ask('QuestionsToAskIntent'), says: has(/where are your colleagues/, /where have you come from/, /why are you here/, /why are you stopping me/), shouldEndSession: false },
    { request: ask('CheckOfficerIsRealIntent'), says: has(/warrant card/, /own phone/, /one oh one/, /nine nine nine/, /radio/, /harder to fake/), shouldEndSession: false },
    { request: ask('WarrantCardIntent'), says: has(/warrant card/, /photo/, /isn't in uniform must show it/, /read out their name and number/), shouldEndSession: false },
    { request: ask('PlainClothesOfficerIntent'), says: has(/unusual/, /pairs/, /other officers should normally arrive/), shouldEndSession: false },
    { request: ask('WalkingAwayIntent'), says: has(/can count as wilfully obstructing/, /offence/, /never guaranteed/, /not legal advice/), shouldEndSession: false },
    { request: ask('EmergencyNumbersIntent'), says: has(/nine nine nine/, /one one two/, /one oh one/, /five five/, /alexa can't call/), shouldEndSession: false },
    { request: ask('AdviceSourcesIntent'), says: has(/not official/, /not from the police/, /metropolitan police/, /national police chiefs' council/), shouldEndSession: false },
  ]);
});

describe('the danger answer', () => {
  alexaTest.test([{
    request: ask('InDangerIntent'),
    says: (speech: string) => {
      const words = spoken(speech).split(/\s+/);
      const at = words.findIndex((w, i) => w === 'nine' && words[i + 1] === 'nine' && words[i + 2] === 'nine');
      return at >= 0 && at < 8
        && /alexa can't call nine nine nine/.test(spoken(speech))
        && /shout for help|knock on a door/.test(spoken(speech))
        && /press five five when a recorded message asks/.test(spoken(speech))
        && /doesn't tell the police where you are/.test(spoken(speech))
        && (spoken(speech).match(/\?/g) ?? []).length === 1
        && spoken(speech).endsWith('shall i say that again?');
    },
    shouldEndSession: false,
    hasCardTitle: "If you're in danger",
    hasCardContentLike: 'Call 999 on your own phone',
  }]);
});
