import { randomUUID } from 'node:crypto';
import type { RequestEnvelope, Slot } from 'ask-sdk-model';
import type { FilledSlot } from './understanding';

/** Who the simulator is to the skill: one user on one device, as in Alexa's own test tools. */
export const SIMULATOR_USER_ID = 'amzn1.ask.account.SIMULATOR';
export const SIMULATOR_DEVICE_ID = 'amzn1.ask.device.SIMULATOR';
export const SIMULATOR_SKILL_ID = 'amzn1.ask.skill.lone-officer-guide-simulator';

export interface SessionInfo {
  readonly sessionId: string;
  readonly isNew: boolean;
  readonly attributes: Record<string, unknown>;
}

export type RequestBody =
  | { readonly type: 'LaunchRequest' }
  | { readonly type: 'IntentRequest'; readonly intent: string; readonly slots: Readonly<Record<string, FilledSlot>>; readonly declaredSlots: readonly string[] }
  | { readonly type: 'SessionEndedRequest'; readonly reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' | 'ERROR' };

export const newSession = (): SessionInfo => ({ sessionId: `amzn1.echo-api.session.${randomUUID()}`, isNew: true, attributes: {} });

function alexaSlot(name: string, filled: FilledSlot | undefined): Slot {
  if (!filled) return { name, confirmationStatus: 'NONE' } as Slot;
  return {
    name,
    value: filled.value,
    confirmationStatus: 'NONE',
    resolutions: {
      resolutionsPerAuthority: [{
        authority: `amzn1.er-authority.echo-sdk.${SIMULATOR_SKILL_ID}.NATION`,
        status: { code: 'ER_SUCCESS_MATCH' },
        values: [{ value: { name: filled.value, id: filled.id } }],
      }],
    },
  } as Slot;
}

/** The request envelope Alexa would send for this request: no words, only the intent and slots. */
export function buildEnvelope(body: RequestBody, session: SessionInfo, locale = 'en-GB'): RequestEnvelope {
  const common = { requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: new Date().toISOString(), locale };
  const request = body.type === 'IntentRequest'
    ? {
      ...common,
      type: 'IntentRequest',
      dialogState: 'STARTED',
      intent: {
        name: body.intent,
        confirmationStatus: 'NONE',
        slots: Object.fromEntries(body.declaredSlots.map((name) => [name, alexaSlot(name, body.slots[name])])),
      },
    }
    : body.type === 'SessionEndedRequest'
      ? { ...common, type: 'SessionEndedRequest', reason: body.reason }
      : { ...common, type: 'LaunchRequest' };
  const application = { applicationId: SIMULATOR_SKILL_ID };
  const user = { userId: SIMULATOR_USER_ID };
  return {
    version: '1.0',
    session: { new: session.isNew, sessionId: session.sessionId, application, user, attributes: session.attributes },
    context: {
      System: {
        application,
        user,
        device: { deviceId: SIMULATOR_DEVICE_ID, supportedInterfaces: {} },
        apiEndpoint: 'https://api.eu.amazonalexa.com',
      },
    },
    request,
  } as RequestEnvelope;
}
