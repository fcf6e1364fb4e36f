import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { entryById, MAIN_ENTRY } from '../guidance';
import type { Line } from '../speech/ssml';
import { helpAnswer, helpMoreAnswer } from './help';
import { homeAnswer } from './launch';
import { knownNation, pageAfter, pageCount, speakPage } from './support/guidanceAnswer';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';
import { IN_DANGER_NOW } from './support/safetyNet';
import { conversationOf } from './support/session';

const stateOf = conversationOf;

/**
 * Nothing to navigate: say so, then ask what they would like, so the session never dead-ends. 999
 * first: "repeat" or "more" may be what a frightened person's words were taken for.
 */
const nothingOpen = (input: HandlerInput, key: string): Response => respond(input, {
  topic: null,
  lines: [IN_DANGER_NOW, { key }, { key: 'launch.examples' }],
  close: 'question',
});

/** Says the last answer again, word for word, with the same question after it. */
function repeatLast(input: HandlerInput): Response {
  const state = stateOf(input);
  if (!state.last) return nothingOpen(input, 'navigation.nothingToRepeat');
  return respond(input, {
    topic: state.topic,
    lines: state.last.lines,
    ...(state.last.cardTitleKey ? { cardTitleKey: state.last.cardTitleKey } : {}),
    close: state.last.offer ?? 'question',
  });
}

/**
 * The next page of the entry being read ("more", "next", "yes" to more), or help's second page after
 * help. With no answer begun (since the welcome or start over), "go on" and "tell me more" ask for
 * the guidance itself, so they get the main answer from its start.
 */
export function nextPage(input: HandlerInput, leadIn: readonly Line[] = []): Response {
  const state = stateOf(input);
  if (state.last?.offer === 'helpMore') return helpMoreAnswer(input);
  const entry = entryById(state.entry);
  if (!entry) return speakPage(input, MAIN_ENTRY, 0, knownNation(input), { leadIn });
  // Already told that is everything: "go on" again takes up what else the skill can help with.
  if (state.last?.offer === 'otherTopics' && state.page >= pageCount(input, entry, state.nation)) return helpAnswer(input);
  return pageAfter(input, entry, state.page, state.nation, leadIn);
}

function previousPage(input: HandlerInput): Response {
  const state = stateOf(input);
  const entry = entryById(state.entry);
  if (!entry) return nothingOpen(input, 'navigation.nothingYet');
  // An answer given whole (the danger answer) has no start to go back to: it is said again as it is.
  const leadIn: Line[] = state.page <= 0 && !entry.whole ? [{ key: 'navigation.atStart' }] : [];
  // Going back is reading again: the page whole, and going on from it leaves nothing out.
  return speakPage(input, entry, state.page - 1, state.nation, { leadIn });
}


export const repeatHandler = forIntents(['AMAZON.RepeatIntent'], repeatLast);
export const previousHandler = forIntents(['AMAZON.PreviousIntent'], previousPage);
/** "Start over" goes to the start of the skill, the welcome, not the start of the answer (docs/conversation.md). */
export const startOverHandler = forIntents(['AMAZON.StartOverIntent'], homeAnswer);
