import type { RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import { isRecord } from '../lambda/util/isRecord';
import type { InteractionModel } from './interactionModel';
import { buildEnvelope, newSession, type RequestBody, type SessionInfo } from './envelope';
import { ssmlToText } from './speechText';
import type { Understanding } from './understanding';

export type SkillHandler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

/** One reply, in the shape the batch contract (DESIGN.md) defines. */
export interface Reply {
  readonly utterance: string;
  readonly intent: string;
  readonly topic: string | null;
  readonly speech: string;
  readonly ssml: string;
  readonly reprompt: string | null;
  readonly endSession: boolean;
  readonly rehearsal: { scene: string; move: string | null; verdict: string | null } | null;
  readonly card: { title: string; content: string } | null;
}

function outputSsml(speech: ui.OutputSpeech | undefined): string {
  if (!speech) return '';
  return speech.type === 'SSML' ? speech.ssml : `<speak>${speech.text}</speak>`;
}

/**
 * A user talking to the skill: turns text into what Alexa would send (an intent and its slots, never
 * the words), hands it to the same handler Lambda runs, and reads the reply back.
 */
export class Conversation {
  private session: SessionInfo | null = null;

  constructor(
    private readonly handler: SkillHandler,
    private readonly understanding: Understanding,
    private readonly model: InteractionModel,
    private readonly locale = 'en-GB',
  ) {}

  get inSession(): boolean {
    return this.session !== null;
  }

  /** "Alexa, ask <skill> <utterance>": a new session (an empty utterance just opens the skill). */
  async invoke(utterance: string): Promise<Reply> {
    await this.timeOut();
    return this.turn(utterance);
  }

  /** A turn in the current session, or a new session if none is open. */
  async turn(utterance: string): Promise<Reply> {
    const text = utterance.trim();
    if (!this.session) {
      this.session = newSession();
      if (!text) return this.send(utterance, 'LaunchRequest', { type: 'LaunchRequest' });
    }
    const understood = await this.understanding.understand(text);
    const declared = this.model.intents.find((i) => i.name === understood.intent)?.slots.map((s) => s.name) ?? [];
    return this.send(utterance, understood.intent, {
      type: 'IntentRequest', intent: understood.intent, slots: understood.slots, declaredSlots: declared,
    });
  }

  /** The user walked away mid-session: Alexa tells the skill the session timed out. */
  async timeOut(): Promise<void> {
    if (!this.session) return;
    const session = this.session;
    this.session = null;
    await this.handler(buildEnvelope({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' }, session, this.locale));
  }

  private async send(utterance: string, intent: string, body: RequestBody): Promise<Reply> {
    const session = this.session ?? newSession();
    const envelope = await this.handler(buildEnvelope(body, session, this.locale));
    const response = envelope.response;
    const endSession = response.shouldEndSession !== false;
    const attributes = isRecord(envelope.sessionAttributes) ? envelope.sessionAttributes : {};
    this.session = endSession ? null : { sessionId: session.sessionId, isNew: false, attributes };
    const conversation = isRecord(attributes.conversation) ? attributes.conversation : {};
    const ssml = outputSsml(response.outputSpeech);
    const repromptSsml = response.reprompt ? outputSsml(response.reprompt.outputSpeech) : null;
    const card = response.card?.type === 'Simple' ? { title: response.card.title ?? '', content: response.card.content ?? '' }
      : response.card?.type === 'Standard' ? { title: response.card.title ?? '', content: response.card.text ?? '' } : null;
    return {
      utterance,
      intent,
      topic: typeof conversation.topic === 'string' ? conversation.topic : null,
      speech: ssmlToText(ssml),
      ssml,
      reprompt: repromptSsml === null ? null : ssmlToText(repromptSsml),
      endSession,
      rehearsal: isRecord(conversation.rehearsal) ? conversation.rehearsal as Reply['rehearsal'] : null,
      card,
    };
  }
}
