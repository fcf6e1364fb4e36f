import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildEnvelope, newSession, type RequestBody, type SessionInfo } from '../../simulator/envelope';
import type { FilledSlot } from '../../simulator/understanding';

export type Handler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

export const launch = (): RequestBody => ({ type: 'LaunchRequest' });

export const intent = (name: string, slots: Record<string, FilledSlot> = {}, declaredSlots: string[] = Object.keys(slots)): RequestBody =>
  ({ type: 'IntentRequest', intent: name, slots, declaredSlots });

/**
 * Drives one session through a handler, carrying session attributes from turn to turn as Alexa
 * does, and starting a new session once a response ends one.
 */
export class SessionDriver {
  private session: SessionInfo = newSession();

  constructor(private readonly handler: Handler, private readonly locale = 'en-GB') {}

  async send(body: RequestBody): Promise<ResponseEnvelope> {
    const response = await this.handler(buildEnvelope(body, this.session, this.locale));
    const ended = response.response.shouldEndSession !== false;
    this.session = ended ? newSession() : { sessionId: this.session.sessionId, isNew: false, attributes: response.sessionAttributes ?? {} };
    return response;
  }
}
