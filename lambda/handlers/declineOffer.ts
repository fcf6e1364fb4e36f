import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Line } from '../speech/ssml';
import { respond } from './support/respond';
import { IN_DANGER_NOW } from './support/safetyNet';

/**
 * "No" to an offer: the offer is turned down, and the skill stays, asking what else the user would
 * like (docs/conversation.md). It opens with 999 after "All right", as "no" is easy to hear in a
 * frightened person's words. `said` comes after "All right" (what the "no" ended, if anything).
 */
export const declineOffer = (input: HandlerInput, said: readonly Line[] = []): Response =>
  respond(input, { topic: null, lines: [{ key: 'yesNo.noThanks' }, ...said, IN_DANGER_NOW], close: 'anythingElse' });
