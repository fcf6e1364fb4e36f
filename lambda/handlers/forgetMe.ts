import { deleteUserData } from '../persistence/userData';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';
import { resetPreferences } from './support/userPreferences';

/** "Forget me", "delete my data": removes everything stored for the user, and says so honestly. */
export const forgetMeHandler = forIntents(['ForgetMeIntent'], async (input) => {
  const deleted = await deleteUserData(input);
  if (deleted) resetPreferences(input);
  return respond(input, {
    topic: null,
    lines: deleted ? [{ key: 'privacy.deleted' }, { key: 'privacy.neverSaid' }] : [{ key: 'privacy.deleteFailed' }],
    close: 'anythingElse',
  });
});
