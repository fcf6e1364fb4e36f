import type { AddressInfo, Server } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { USER_TABLE } from '../../lambda/persistence/dynamoAdapter';
import { userKeyOf } from '../../lambda/persistence/userKey';
import { buildEnvelope, newSession } from '../../simulator/envelope';

// dynalite ships no types: it makes an http.Server that speaks the DynamoDB API.
const dynalite = require('dynalite') as (options: { createTableMs?: number }) => Server;

export const TABLE = 'lone-officer-guide-users';
export const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const REGION = 'eu-west-2';

/** The simulator user's key, as the store hashes it. */
export const USER_KEY = userKeyOf(buildEnvelope({ type: 'LaunchRequest' }, newSession())) as string;

/** dynalite on 127.0.0.1 with the skill's table, and a plain SDK client to look into it. */
export class LocalDynamo {
  private server: Server | undefined;
  endpoint = '';
  raw!: DynamoDBClient;

  async start(): Promise<void> {
    this.server = dynalite({ createTableMs: 0 });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.raw = new DynamoDBClient({ endpoint: this.endpoint, region: REGION, credentials: CREDENTIALS });
    await this.raw.send(new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [{ AttributeName: USER_TABLE.partitionKey, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: USER_TABLE.partitionKey, KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
    for (let i = 0; i < 100; i++) {
      const { Table } = await this.raw.send(new DescribeTableCommand({ TableName: TABLE }));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.raw?.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  async item(key = USER_KEY): Promise<Record<string, AttributeValue> | undefined> {
    return (await this.raw.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: key } }, ConsistentRead: true }))).Item;
  }

  async put(item: Record<string, AttributeValue>): Promise<void> {
    await this.raw.send(new PutItemCommand({ TableName: TABLE, Item: { id: { S: USER_KEY }, ...item } }));
  }

  async scan(): Promise<Record<string, AttributeValue>[]> {
    return (await this.raw.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true }))).Items ?? [];
  }
}
