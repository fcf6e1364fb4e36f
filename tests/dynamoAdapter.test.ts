import { captureLogs } from './support/quietLogs';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { DynamoAdapter, KEEP_DAYS, USER_TABLE } from '../lambda/persistence/dynamoAdapter';
import { buildSkill } from '../lambda/skill';
import { buildEnvelope, newSession, SIMULATOR_USER_ID } from '../simulator/envelope';
import { intent, SessionDriver } from './support/requests';

// dynalite ships no types: it makes an http.Server that speaks the DynamoDB API.
const dynalite = require('dynalite') as (options: { createTableMs?: number }) => Server;

const TABLE = 'lone-officer-guide-users';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let server: Server;
let endpoint: string;
let raw: DynamoDBClient;

const ssml = (r: ResponseEnvelope) => (r.response.outputSpeech?.type === 'SSML' ? r.response.outputSpeech.ssml : '');
const rateOf = (r: ResponseEnvelope) => /<prosody rate="(\d+)%">/.exec(ssml(r))?.[1] ?? '100';
const scan = async () => (await raw.send(new ScanCommand({ TableName: TABLE }))).Items ?? [];

function adapter(options: { tableName?: string; now?: () => number } = {}): DynamoAdapter {
  return new DynamoAdapter({
    tableName: options.tableName ?? TABLE,
    clientConfig: { endpoint, region: 'eu-west-2', credentials },
    ...(options.now ? { now: options.now } : {}),
  });
}

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  raw = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials });
  await raw.send(new CreateTableCommand({
    TableName: TABLE,
    AttributeDefinitions: [{ AttributeName: USER_TABLE.partitionKey, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: USER_TABLE.partitionKey, KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  }));
  for (let i = 0; i < 100; i++) {
    const { Table } = await raw.send(new DescribeTableCommand({ TableName: TABLE }));
    if (Table?.TableStatus === 'ACTIVE') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

afterAll(async () => {
  raw?.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('the DynamoDB store (against dynalite on 127.0.0.1)', () => {
  const envelope = () => buildEnvelope(intent('AMAZON.HelpIntent'), newSession());

  test('saves, reads back and deletes, under a hash of the user id, with an expiry', async () => {
    const now = Date.UTC(2026, 10, 29);
    const store = adapter({ now: () => now });
    await store.saveAttributes(envelope(), { preferences: { ratePercent: 80, answers: 'short' } });
    expect(await store.getAttributes(envelope())).toEqual({ preferences: { ratePercent: 80, answers: 'short' } });

    const items = await scan();
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain(SIMULATOR_USER_ID);
    expect(items[0]?.id?.S).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(items[0]?.expiresAt?.N)).toBe(now / 1000 + KEEP_DAYS * 24 * 60 * 60);

    await store.deleteAttributes(envelope());
    expect(await scan()).toHaveLength(0);
    expect(await store.getAttributes(envelope())).toEqual({});
  });

  test('an expired item counts as gone, and reading pushes a live item\'s expiry back', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = adapter({ now: () => now });
    await store.saveAttributes(envelope(), { preferences: { ratePercent: 90 } });
    const saved = Number((await scan())[0]?.expiresAt?.N);

    now += 30 * 24 * 60 * 60 * 1000;
    expect(await store.getAttributes(envelope())).toEqual({ preferences: { ratePercent: 90 } });
    const refreshed = Number((await scan())[0]?.expiresAt?.N);
    expect(refreshed).toBe(saved + 30 * 24 * 60 * 60);

    now += (KEEP_DAYS + 1) * 24 * 60 * 60 * 1000;
    expect(await store.getAttributes(envelope())).toEqual({});
    await store.deleteAttributes(envelope());
  });

  test('through the skill: a slower rate is remembered into the next session, and forget me deletes it', async () => {
    const skill = buildSkill({ persistenceAdapter: adapter() });
    const handler = (event: Parameters<typeof skill.invoke>[0]) => skill.invoke(event) as Promise<ResponseEnvelope>;
    const slower = await new SessionDriver(handler).send(intent('SpeakSlowerIntent'));
    expect(rateOf(slower)).toBe('90');
    expect(await scan()).toHaveLength(1);

    const next = await new SessionDriver(handler).send(intent('QuestionsToAskIntent'));
    expect(rateOf(next)).toBe('90');

    const forget = await new SessionDriver(handler).send(intent('ForgetMeIntent'));
    expect(ssml(forget)).toMatch(/deleted everything/);
    expect(await scan()).toHaveLength(0);
  });

  test('a missing table: the answer still comes, nothing throws, and the log holds no personal data', async () => {
    const errors = captureLogs();
    const skill = buildSkill({ persistenceAdapter: adapter({ tableName: 'no-such-table' }) });
    const handler = (event: Parameters<typeof skill.invoke>[0]) => skill.invoke(event) as Promise<ResponseEnvelope>;
    const slower = await new SessionDriver(handler).send(intent('SpeakSlowerIntent'));
    expect(ssml(slower)).toMatch(/lasts only until you close the skill/);
    const answer = await new SessionDriver(handler).send(intent('QuestionsToAskIntent'));
    expect(ssml(answer)).toMatch(/where are your colleagues/);
    const logged = errors.text();
    expect(logged).toMatch(/storage_failure/);
    expect(logged).not.toMatch(/amzn1|SIMULATOR/);
    errors.restore();
  });
});

describe('cold start', () => {
  test('loading the Lambda entry with a table configured does not load the AWS SDK', () => {
    const script = [
      "require('./lambda/index');",
      "const loaded = Object.keys(require.cache).filter((p) => p.includes('@aws-sdk') || p.includes('@smithy'));",
      'process.stdout.write(String(loaded.length));',
    ].join('');
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, USER_TABLE_NAME: TABLE, LOCAL_STORE_DIR: '' },
      encoding: 'utf8',
    });
    expect(out).toBe('0');
  });
});
