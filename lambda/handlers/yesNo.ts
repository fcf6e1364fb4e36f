import { helpAnswer } from './help';
import { nextPage, repeatLast } from './navigation';
import { declineResume, resumeRehearsal, startRehearsal } from './rehearsal';
import { goodbye } from './stop';
import { forIntents } from './support/matchers';
import { readState } from './support/state';

const offerOf = (attributes: Record<string, unknown>) => readState(attributes).last?.offer;

/** "Yes" accepts the one offer the last answer made. */
export const yesHandler = forIntents(['AMAZON.YesIntent'], (input) => {
  switch (offerOf(input.attributesManager.getSessionAttributes())) {
    case 'more':
      return nextPage(input);
    case 'repeatDanger':
      return repeatLast(input);
    case 'practise':
    case 'anotherScene':
      return startRehearsal(input, null);
    case 'resumeScene':
      return resumeRehearsal(input);
    default:
      return helpAnswer(input);
  }
});

/** "No" declines the offer; with nothing more wanted, the skill says goodbye. */
export const noHandler = forIntents(['AMAZON.NoIntent'], (input) =>
  offerOf(input.attributesManager.getSessionAttributes()) === 'resumeScene' ? declineResume(input) : goodbye(input));
