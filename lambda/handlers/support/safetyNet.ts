import type { Line } from '../../speech/ssml';

/**
 * "In danger now? Call nine nine nine.": the opening of every answer that has no 999 action of its
 * own and that a frightened person could get when misheard (nothing to repeat, no more to say, a
 * "no", a goodbye, a nation not caught), so 999 is heard first whatever their words were taken for.
 */
export const IN_DANGER_NOW: Line = { key: 'safety.inDangerNow' };
