/**
 * The store benchmark's peers: about the smallest real ASK SDK skill whose launch reads the user's
 * item from DynamoDB, as a plain skill on a given client would. Each peer supplies only its read.
 */
import { getRequestType, SkillBuilders, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

export type ReadUser = (table: string, userId: string) => Promise<Record<string, unknown> | undefined>;

export function peerHandler(read: ReadUser): (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope> {
  const launch: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: async (input: HandlerInput) => {
      const item = await read(process.env.USER_TABLE_NAME ?? 'users', input.requestEnvelope.context.System.user.userId);
      const rate = typeof item?.rate === 'number' ? item.rate : 100;
      return input.responseBuilder.speak(`<prosody rate="${rate}%">Welcome. You can say hello.</prosody>`).reprompt('What would you like?').getResponse();
    },
  };
  const skill = SkillBuilders.custom().addRequestHandlers(launch).create();
  return (event, context) => skill.invoke(event, context);
}
