import type { HandlerInput } from 'ask-sdk-core';
import { isSupportedLocale } from '../locales/i18n';
import { MOVES, sceneSpec } from '../rehearsal';
import type { Line } from '../speech/ssml';
import { forIntents, forRequestTypes } from './support/matchers';
import { storedProgress } from './support/rehearsalState';
import { respond, type Close } from './support/respond';

/**
 * What the last rehearsal left to say, kept to one line each: a move really missed last time, and a
 * scene a timed-out session left part-way (offered to pick up).
 */
async function rehearsalNotes(input: HandlerInput): Promise<{ lines: Line[]; close: Close | null }> {
  const progress = await storedProgress(input);
  const missed = progress.missed[0];
  const lines: Line[] = missed ? [{ key: MOVES[missed].slippedKey }] : [];
  if (progress.unfinished) {
    lines.push({ key: sceneSpec(progress.unfinished.scene).unfinishedKey });
    return { lines, close: 'resumeScene' };
  }
  return { lines, close: missed ? 'practise' : null };
}

/** Opening the skill: what to do in danger first, then what can be asked. */
export const launchHandler = forRequestTypes(['LaunchRequest'], async (input) => {
  const supported = isSupportedLocale(input.requestEnvelope.request.locale);
  const notes = await rehearsalNotes(input);
  return respond(input, {
    topic: null,
    lines: [
      { key: 'launch.welcome' },
      ...(supported ? [] : [{ key: 'unsupportedLocale' }]),
      ...notes.lines,
      ...(notes.close ? [] : [{ key: 'launch.examples' }]),
    ],
    close: notes.close ?? 'question',
    position: { entry: null, page: 0, nation: null },
  });
});

/**
 * "Go home", and "start over" outside a scene: back to the opening words (999 first, then what can
 * be asked), without leaving the skill; the place in an answer is left.
 */
export const homeAnswer = (input: HandlerInput) => respond(input, {
  topic: null,
  lines: [{ key: 'launch.welcome' }, { key: 'launch.examples' }],
  close: 'question',
  position: { entry: null, page: 0, nation: null },
});

export const navigateHomeHandler = forIntents(['AMAZON.NavigateHomeIntent'], homeAnswer);
