import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Nation, TopicId } from '../../guidance/types';
import { renderDocumentDirective, supportsApl } from '../../speech/apl';
import { cardText, sayLine, speak, type Line } from '../../speech/ssml';
import { contextOf } from './context';
import { ownedSessionAttributes } from './session';
import { readState, type ConversationState, type Offer, type RehearsalReport, type SpokenAnswer } from './state';

/** Where reading has got to in a guidance entry. */
interface Position {
  readonly entry: string | null;
  readonly page: number;
  readonly nation: Nation | null;
  /** Parts heard in another layout of the entry, which going on leaves out (none: a reading of its own). */
  readonly heard?: readonly string[];
}

/** How an answer closes: the session ends, or one offer's question is asked (no dead ends). */
export type Close = 'end' | Offer;

export interface Answer {
  /** The contract topic of this answer, or null for navigation and preferences. */
  readonly topic: TopicId | null;
  readonly lines: readonly Line[];
  /** Informational answers carry a card with the same words, to read later in the Alexa app. */
  readonly cardTitleKey?: string;
  /** A card whose words differ from the speech (all the steps of a topic); wins over cardTitleKey. */
  readonly card?: { readonly title: string; readonly content: string };
  readonly close: Close;
  /** Where reading has got to in a guidance entry; omitted keeps the current place. */
  readonly position?: Position;
  readonly rehearsal?: RehearsalReport | null;
  /**
   * A passing remark (the error handler's apology): the last real answer stays the one "repeat"
   * says again, and the place in the guidance is kept.
   */
  readonly transient?: boolean;
}

const offerLine = (offer: Offer): Line => ({ key: `offers.${offer}.ask` });
const repromptLine = (offer: Offer): Line => ({ key: `offers.${offer}.reprompt` });

/** Builds the response for an answer and records it in the session, so it can be repeated. */
export function respond(input: HandlerInput, answer: Answer): Response {
  const { t, voice } = contextOf(input);
  const builder = input.responseBuilder;
  // Each line is said once, and those words serve the speech, the card and the screen.
  const said = (answer.close === 'end' ? answer.lines : [...answer.lines, offerLine(answer.close)]).map((line) => sayLine(t, line));
  builder.speak(speak(said, voice));

  const cardTitle = answer.card?.title ?? (answer.cardTitleKey ? String(t(answer.cardTitleKey)) : undefined);
  if (answer.card) {
    builder.withSimpleCard(answer.card.title, answer.card.content);
  } else if (cardTitle) {
    builder.withSimpleCard(cardTitle, cardText(said.slice(0, answer.lines.length)));
  }
  if (supportsApl(input.requestEnvelope)) {
    // The same words as the speech, one paragraph per sentence, for reading along or VoiceView.
    builder.addDirective(renderDocumentDirective({
      title: cardTitle ?? String(t('skillName')),
      paragraphs: said.map((line) => ({ text: line.card, label: line.plain })),
    }));
  }
  if (answer.close === 'end') {
    builder.withShouldEndSession(true);
  } else {
    builder.reprompt(speak([sayLine(t, repromptLine(answer.close))], voice));
    builder.withShouldEndSession(false);
  }

  // Only the skill's own attributes go back, read through readState, so nothing from a broken
  // session is carried on. Outside a session (skill events) there is nowhere to record anything.
  const attributes = ownedSessionAttributes(input);
  if (attributes) {
    const previous = readState(attributes);
    const position = answer.position ?? previous;
    const last: SpokenAnswer | null = answer.transient ? previous.last : {
      lines: answer.lines,
      ...(answer.cardTitleKey ? { cardTitleKey: answer.cardTitleKey } : {}),
      ...(answer.close !== 'end' ? { offer: answer.close } : {}),
    };
    const state: ConversationState = {
      topic: answer.topic,
      rehearsal: answer.rehearsal ?? null,
      entry: position.entry,
      page: position.page,
      nation: position.nation,
      heard: position.heard ?? [],
      last,
    };
    attributes.conversation = state;
    input.attributesManager.setSessionAttributes(attributes);
  }
  return builder.getResponse();
}
