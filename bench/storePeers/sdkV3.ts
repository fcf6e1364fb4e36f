// The AWS SDK v3 peer: the document client with its defaults, as the SDK's guides show it.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { peerHandler } from './peerSkill';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = peerHandler(async (table, id) => (await client.send(new GetCommand({ TableName: table, Key: { id } }))).Item);
