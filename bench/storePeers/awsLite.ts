// The aws-lite peer: @aws-lite/client with its DynamoDB plugin. aws-lite reads AWS_ENDPOINT_URL
// only, so the DynamoDB endpoint is passed on as the SDK would take it.
import awsLite from '@aws-lite/client';
import dynamodb from '@aws-lite/dynamodb';
import { peerHandler } from './peerSkill';

type Client = { DynamoDB: { GetItem: (input: object) => Promise<{ Item?: Record<string, unknown> }> } };
let client: Promise<Client> | undefined;

export const handler = peerHandler(async (table, id) => {
  client ??= awsLite({ plugins: [dynamodb], endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB, retries: 0 }) as unknown as Promise<Client>;
  return (await (await client).DynamoDB.GetItem({ TableName: table, Key: { id } })).Item;
});
