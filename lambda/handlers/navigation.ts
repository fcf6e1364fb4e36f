import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { entryById } from '../guidance';
import type { Line } from '../speech/ssml';
import { pageCount, speakPage } from './support/guidanceAnswer';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';
import { conversationOf } from './support/session';

const stateOf = conversationOf;

/** Nothing to navigate: say so, then ask what they would like, so the session never dead-ends. */
const nothingOpen = (input: HandlerInput, key: string): Response => respond(input, {
  topic: null,
  lines: [{ key }, { key: 'launch.examples' }],
  close: 'question',
});

/** Says the last answer again, word for word, with the same question after it. */
export function repeatLast(input: HandlerInput): Response {
  const state = stateOf(input);
  if (!state.last) return nothingOpen(input, 'navigation.nothingToRepeat');
  return respond(input, {
    topic: state.topic,
    lines: state.last.lines,
    ...(state.last.cardTitleKey ? { cardTitleKey: state.last.cardTitleKey } : {}),
    close: state.last.offer ?? 'question',
  });
}

/** The next page of the entry being read ("more", "next", "yes" to more). */
export function nextPage(input: HandlerInput): Response {
  const state = stateOf(input);
  const entry = entryById(state.entry);
  if (!entry) return nothingOpen(input, 'navigation.nothingYet');
  const pages = pageCount(input, entry, state.nation);
  if (state.page + 1 >= pages) {
    // Past the end, so that "previous" reads the last page again.
    return respond(input, {
      topic: entry.topic,
      lines: [{ key: 'navigation.noMore' }],
      close: 'anythingElse',
      position: { entry: entry.id, page: pages, nation: state.nation },
    });
  }
  return speakPage(input, entry, state.page + 1, state.nation);
}

function previousPage(input: HandlerInput): Response {
  const state = stateOf(input);
  const entry = entryById(state.entry);
  if (!entry) return nothingOpen(input, 'navigation.nothingYet');
  const lead: Line[] = state.page === 0 ? [{ key: 'navigation.atStart' }] : [];
  return speakPage(input, entry, state.page - 1, state.nation, lead);
}

function startOver(input: HandlerInput): Response {
  const state = stateOf(input);
  const entry = entryById(state.entry);
  if (!entry) return nothingOpen(input, 'navigation.nothingYet');
  return speakPage(input, entry, 0, state.nation, [{ key: 'navigation.fromTheTop' }]);
}

export const repeatHandler = forIntents(['AMAZON.RepeatIntent'], repeatLast);
export const nextHandler = forIntents(['AMAZON.NextIntent', 'AMAZON.MoreIntent'], nextPage);
export const previousHandler = forIntents(['AMAZON.PreviousIntent'], previousPage);
export const startOverHandler = forIntents(['AMAZON.StartOverIntent'], startOver);
