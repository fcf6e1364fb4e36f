import type { HandlerInput } from 'ask-sdk-core';
import { deleteUserData } from '../persistence/userData';
import type { Line } from '../speech/ssml';
import { keepPlace, viewFor } from './support/guidanceAnswer';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';
import { withSafetyNetBeforeGuidance } from './support/safetyNet';
import { conversationOf } from './support/session';
import { resetPreferences } from './support/userPreferences';

export const FORGET_ME_INTENT = 'ForgetMeIntent';

/** "Forget me", "delete my data": removes everything stored for the user, and says so honestly. */
export async function forgetMe(input: HandlerInput): Promise<Line[]> {
  // The answer being read keeps its place, found again at the answer length the reset goes back to.
  const readIn = viewFor(input, conversationOf(input).nation);
  const deleted = await deleteUserData(input);
  if (deleted) {
    resetPreferences(input);
    keepPlace(input, readIn);
  }
  return deleted ? [{ key: 'privacy.deleted' }, { key: 'privacy.neverSaid' }] : [{ key: 'privacy.deleteFailed' }];
}

export const forgetMeHandler = forIntents([FORGET_ME_INTENT], async (input) =>
  respond(input, { topic: null, lines: withSafetyNetBeforeGuidance(input, await forgetMe(input)), close: 'anythingElse' }));
