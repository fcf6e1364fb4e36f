import type { HandlerInput } from 'ask-sdk-core';
import type { Line } from '../../speech/ssml';
import { conversationOf } from './session';

/**
 * "In danger now? Call nine nine nine.": the opening of every answer that has no 999 action of its
 * own and that a frightened person could get when misheard (nothing to repeat, no more to say, a
 * "no", a goodbye, a nation not caught), so 999 is heard first whatever their words were taken for.
 */
export const IN_DANGER_NOW: Line = { key: 'safety.inDangerNow' };

/**
 * Lines said just before the danger answer (a setting confirmed, a nation confirmed) come after
 * IN_DANGER_NOW, so that 999 is still heard within the first words.
 */
export const beforeDangerAnswer = (leadIn: readonly Line[]): Line[] => (leadIn.length > 0 ? [IN_DANGER_NOW, ...leadIn] : []);

/**
 * A setting or a request about the skill itself (slower, short answers, forget me, send it to my
 * phone) made before any guidance or practice in this session opens with IN_DANGER_NOW: words
 * like "held down" can be heard as "slow down", and nothing said before then has carried 999.
 * Once guidance or a practice has been given, the same request is plainly about what was heard.
 */
export function withSafetyNetBeforeGuidance(input: HandlerInput, lines: readonly Line[]): Line[] {
  const { entry, rehearsal } = conversationOf(input);
  return entry !== null || rehearsal !== null ? [...lines] : [IN_DANGER_NOW, ...lines];
}
