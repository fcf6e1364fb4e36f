import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { logLine } from '../observability/log';
import type { ClientDynamoDb, LibDynamoDb } from './dynamoDbExports';
import { userKeyOf } from './userKey';
import { isRecord } from '../util/isRecord';

/** The table's shape, for whoever creates it: a string partition key and a TTL attribute. */
export const USER_TABLE = { partitionKey: 'id', ttlAttribute: 'expiresAt' } as const;

/** How long data is kept after the user last used the skill; PRIVACY.md states the same number. */
export const KEEP_DAYS = 90;

const DAY_SECONDS = 24 * 60 * 60;

export interface DynamoAdapterOptions {
  readonly tableName: string;
  readonly keepDays?: number;
  /** Region, endpoint and credentials; on Lambda the defaults come from the environment. */
  readonly clientConfig?: DynamoDBClientConfig;
  /** The clock, in milliseconds (tests move it). */
  readonly now?: () => number;
}

type Sdk = LibDynamoDb;
interface Connection { readonly client: DynamoDBDocumentClient; readonly sdk: Sdk }

interface StoredItem { id?: unknown; attributes?: unknown; expiresAt?: unknown }


/**
 * The skill's DynamoDB store, on the AWS SDK v3 document client (the SDK's own adapter is built on
 * aws-sdk v2). One item per user: { id: hash of the user id, attributes, expiresAt }. DynamoDB's
 * TTL deletes an item `keepDays` after the user last used the skill: a read pushes the expiry back
 * (at most one write a day), so a regular user keeps their settings and an absent one is forgotten.
 *
 * The AWS SDK is loaded on first use, not when the skill starts, so a cold start that never
 * touches the store does not pay for it.
 */
export class DynamoAdapter implements PersistenceAdapter {
  private connection: Promise<Connection> | undefined;
  private readonly keepSeconds: number;
  private readonly now: () => number;

  constructor(private readonly options: DynamoAdapterOptions) {
    this.keepSeconds = Math.round((options.keepDays ?? KEEP_DAYS) * DAY_SECONDS);
    this.now = options.now ?? Date.now;
  }

  private connect(): Promise<Connection> {
    this.connection ??= (async () => {
      const [{ DynamoDBClient }, sdk]: [ClientDynamoDb, LibDynamoDb] = await Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]);
      const client = sdk.DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 2, ...this.options.clientConfig }), {
        marshallOptions: { removeUndefinedValues: true },
      });
      return { client, sdk };
    })();
    // A failed load is not remembered, so the next request tries again.
    this.connection.catch(() => { this.connection = undefined; });
    return this.connection;
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const { client, sdk } = await this.connect();
    const id = userKeyOf(envelope);
    const { Item } = await client.send(new sdk.GetCommand({ TableName: this.options.tableName, Key: { id }, ConsistentRead: true }));
    const item: StoredItem = Item ?? {};
    const expiresAt = typeof item.expiresAt === 'number' ? item.expiresAt : 0;
    const now = this.nowSeconds();
    // DynamoDB deletes expired items within days, not at once: an expired item counts as gone.
    if (!isRecord(item.attributes) || expiresAt <= now) return {};
    if (expiresAt - now < this.keepSeconds - DAY_SECONDS) {
      await client.send(new sdk.UpdateCommand({
        TableName: this.options.tableName,
        Key: { id },
        UpdateExpression: 'SET expiresAt = :expiresAt',
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeValues: { ':expiresAt': now + this.keepSeconds },
      })).catch((error: unknown) => {
        // Keeping the data a little longer is not worth failing the read for.
        logLine({ event: 'storage_failure', operation: 'refresh', error: error instanceof Error ? error.name : 'Error' });
      });
    }
    return item.attributes;
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const { client, sdk } = await this.connect();
    await client.send(new sdk.PutCommand({
      TableName: this.options.tableName,
      Item: { id: userKeyOf(envelope), attributes, expiresAt: this.nowSeconds() + this.keepSeconds },
    }));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const { client, sdk } = await this.connect();
    await client.send(new sdk.DeleteCommand({ TableName: this.options.tableName, Key: { id: userKeyOf(envelope) } }));
  }
}
