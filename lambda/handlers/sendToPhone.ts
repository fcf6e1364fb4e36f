import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { entryById, pagesOf, type GuidanceEntry, type GuidancePart } from '../guidance';
import type { Line } from '../speech/ssml';
import { stepsCardText, type CardSection } from '../speech/stepsCard';
import { contextOf } from './support/context';
import { forIntents } from './support/matchers';
import { respond } from './support/respond';
import { withSafetyNetBeforeGuidance } from './support/safetyNet';
import { conversationOf } from './support/session';

/** Every page of the entry as numbered steps, the nation notes under their own heading. */
function sectionsOf(entry: GuidanceEntry): CardSection[] {
  const nationParts = new Set<GuidancePart>(Object.values(entry.nations));
  const ownParts = new Set<GuidancePart>([...entry.summary, ...entry.detail.flat(), ...nationParts]);
  // Spoken pointers ("say more to hear how") belong to the voice, not to the written steps.
  const parts = pagesOf(entry, null).flat().filter((part) => ownParts.has(part));
  return [
    { steps: parts.filter((p) => !nationParts.has(p)).map((p) => ({ key: p.key })) },
    { heading: { key: 'phone.cardNations' }, steps: parts.filter((p) => nationParts.has(p)).map((p) => ({ key: p.key })) },
  ];
}

/** What "send it to my phone" says, and the card of every step of the entry it puts in the Alexa app. */
export interface PhoneCard {
  readonly lines: readonly Line[];
  readonly card: { readonly title: string; readonly content: string };
}

/** Alexa cannot send texts, so say so, and put every step of the entry in the Alexa app, one numbered step a line. */
export function phoneCardFor(input: HandlerInput, entry: GuidanceEntry): PhoneCard {
  const { t } = contextOf(input);
  return {
    lines: [{ key: 'phone.cannotText' }, { key: 'phone.inApp' }],
    card: {
      title: String(t(entry.titleKey)),
      content: stepsCardText(t, sectionsOf(entry), [{ key: 'phone.cardSafety' }, { key: 'phone.cardFooter' }]),
    },
  };
}

/** "Send it to my phone", "text me the steps": the steps of the topic being read, as a card. */
function sendToPhone(input: HandlerInput): Response {
  const entry = entryById(conversationOf(input).entry);
  if (!entry) return respond(input, { topic: null, lines: withSafetyNetBeforeGuidance(input, [{ key: 'phone.nothingOpen' }]), close: 'question' });
  return respond(input, { topic: null, ...phoneCardFor(input, entry), close: 'anythingElse' });
}

export const SEND_TO_PHONE_INTENT = 'SendToPhoneIntent';

export const sendToPhoneHandler = forIntents([SEND_TO_PHONE_INTENT], sendToPhone);
