import { helpAnswer } from './help';
import { nextPage, repeatLast } from './navigation';
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
    default:
      return helpAnswer(input);
  }
});

/** "No" declines the offer; with nothing more wanted, the skill says goodbye. */
export const noHandler = forIntents(['AMAZON.NoIntent'], goodbye);
