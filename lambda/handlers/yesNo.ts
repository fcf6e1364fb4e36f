import { helpAnswer } from './help';
import { askWhichNation, declineNation } from './nation';
import { nextPage, repeatLast } from './navigation';
import { declineResume, resumeRehearsal, startRehearsal } from './rehearsal';
import { goodbye } from './stop';
import { forIntents } from './support/matchers';
import { conversationOf } from './support/session';

/** "Yes" accepts the one offer the last answer made. */
export const yesHandler = forIntents(['AMAZON.YesIntent'], (input) => {
  const offer = conversationOf(input).last?.offer;
  switch (offer) {
    case 'more':
      return nextPage(input);
    case 'repeatDanger':
      return repeatLast(input);
    case 'practise':
    case 'anotherScene':
      return startRehearsal(input, null);
    case 'resumeScene':
      return resumeRehearsal(input);
    case 'nation':
    case 'whichIreland':
      return askWhichNation(input);
    default:
      return helpAnswer(input);
  }
});

/** "No" declines the offer; with nothing more wanted, the skill says goodbye. */
export const noHandler = forIntents(['AMAZON.NoIntent'], (input) => {
  const offer = conversationOf(input).last?.offer;
  if (offer === 'resumeScene') return declineResume(input);
  // Not wanting to say where you are is no reason to leave: the answer carries on.
  if (offer === 'nation' || offer === 'whichIreland') return declineNation(input);
  return goodbye(input);
});
