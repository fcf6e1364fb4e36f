import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { DANGER_ENTRY, entryById } from '../guidance';
import { declineOffer } from './declineOffer';
import { helpAnswer, helpMoreAnswer } from './help';
import { askWhichNation, declineNation } from './nation';
import { nextPage } from './navigation';
import { declineResume, resumeRehearsal, startRehearsal } from './rehearsal';
import { goodbye } from './stop';
import { answerJustSaid, knownNation, pageCount, speakPage } from './support/guidanceAnswer';
import { forIntents } from './support/matchers';
import { conversationOf } from './support/session';
import type { Offer } from './support/state';

type Reply = (input: HandlerInput) => Response | Promise<Response>;

/**
 * "Yes" to "are you in England, Wales, Scotland or Northern Ireland?" names none of them: how to
 * name one, and the answer goes on, its later parts saying where the law differs.
 */
const goOnWithoutNation: Reply = (input) => {
  const heard = answerJustSaid(input);
  // "I didn't catch where you are" asks it too, with no answer to go on with: asked again.
  if (!heard || heard.page + 1 >= pageCount(input, heard.entry, heard.nation)) return askWhichNation(input);
  return nextPage(input, [{ key: 'nations.anyTime' }]);
};

/** What "yes" does to each offer; an offer not named here (an open question) gets help. */
const YES: Partial<Record<Offer, Reply>> = {
  more: nextPage,
  helpMore: helpMoreAnswer,
  otherTopics: helpAnswer,
  // The danger answer itself, not a setting's confirmation said before it or instead of it.
  repeatDanger: (input) => speakPage(input, DANGER_ENTRY, 0, knownNation(input)),
  practise: (input) => startRehearsal(input, null),
  anotherScene: (input) => startRehearsal(input, null),
  resumeScene: resumeRehearsal,
  nation: goOnWithoutNation,
  whichIreland: askWhichNation,
};

/**
 * What "no" does to each offer. Everything the skill offers (more, practising, another scene, the
 * answer again) is turned down and the skill stays; a scene left part-way is forgotten too. An open
 * question ("what else would you like to know?") offers nothing to turn down: "no" to it means
 * nothing else, and the skill says goodbye.
 */
const NO: Partial<Record<Offer, Reply>> = {
  more: (input) => declineOffer(input),
  helpMore: (input) => declineOffer(input),
  otherTopics: (input) => declineOffer(input),
  repeatDanger: (input) => declineOffer(input),
  practise: (input) => declineOffer(input),
  anotherScene: (input) => declineOffer(input),
  resumeScene: declineResume,
  // Not wanting to say where you are: the answer carries on where it was.
  nation: declineNation,
  whichIreland: declineNation,
};

const offerOf = (input: HandlerInput): Offer | undefined => conversationOf(input).last?.offer;

const noAnswerBegun = (input: HandlerInput): boolean => !entryById(conversationOf(input).entry);

/**
 * "Yes" accepts the one offer the last answer made. With none, before any answer (the welcome asks
 * what you'd like to know), it asks for the guidance itself, as "go on" does; after one, it gets help.
 */
export const yesHandler = forIntents(['AMAZON.YesIntent'], (input) => {
  const offer = offerOf(input);
  return ((offer && YES[offer]) || (noAnswerBegun(input) ? nextPage : helpAnswer))(input);
});

/** The welcome's offers, which "go on" accepts as "yes" does: pick up a scene, or practise. */
const WELCOME_OFFERS: ReadonlySet<Offer> = new Set(['resumeScene', 'practise']);

/**
 * "More", "next", "go on": the next page of the answer being read. With no answer begun and the
 * welcome's offer made ("shall we pick it up?", "would you like to practise?"), they accept it.
 */
export const nextHandler = forIntents(['AMAZON.NextIntent', 'AMAZON.MoreIntent'], (input) => {
  const offer = offerOf(input);
  const accepts = noAnswerBegun(input) && offer && WELCOME_OFFERS.has(offer) ? YES[offer] : undefined;
  return (accepts ?? nextPage)(input);
});

/** "No" declines the offer; with nothing offered, the skill says goodbye. */
export const noHandler = forIntents(['AMAZON.NoIntent'], (input) => {
  const offer = offerOf(input);
  return ((offer && NO[offer]) || goodbye)(input);
});
