import { captureLogs } from './support/quietLogs';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DynamoAdapter, FORGOTTEN_DAYS, KEEP_DAYS } from '../lambda/persistence/dynamoAdapter';
import { partsOf } from '../lambda/persistence/fields';
import { readPreferences } from '../lambda/persistence/preferences';
import { skillFromEnvironment } from '../lambda/index';
import { buildSkill } from '../lambda/skill';
import { buildEnvelope, newSession, SIMULATOR_USER_ID } from '../simulator/envelope';
import { CREDENTIALS, LocalDynamo, REGION, TABLE } from './support/localDynamo';
import { intent, SessionDriver } from './support/requests';

const local = new LocalDynamo();
const DAY = 24 * 60 * 60;
const deadline = { left: () => 3000 };

const ssml = (r: ResponseEnvelope) => (r.response.outputSpeech?.type === 'SSML' ? r.response.outputSpeech.ssml : '');
const rateOf = (r: ResponseEnvelope) => /<prosody rate="(\d+)%">/.exec(ssml(r))?.[1] ?? '100';

function adapter(options: { tableName?: string; now?: () => number } = {}): DynamoAdapter {
  return new DynamoAdapter({
    tableName: options.tableName ?? TABLE,
    clientConfig: { endpoint: local.endpoint, region: REGION, credentials: CREDENTIALS },
    ...(options.now ? { now: options.now } : {}),
  });
}

const envelope = (): RequestEnvelope => buildEnvelope(intent('AMAZON.HelpIntent'), newSession());

beforeAll(() => local.start());
afterAll(() => local.stop());

describe('the DynamoDB store (against dynalite on 127.0.0.1)', () => {
  test('writes only what changed, reads it back, and keeps it under a hash of the user id, with an expiry', async () => {
    const now = Date.UTC(2026, 10, 29);
    const store = adapter({ now: () => now });
    const { version } = await store.read(envelope(), deadline);
    await store.write(envelope(), { rate: 80 }, now, version, deadline);
    await store.write(envelope(), { answers: 'short' }, now + 1, version, deadline);
    expect(partsOf((await store.read(envelope(), deadline)).fields)).toEqual({ preferences: { ratePercent: 80, answers: 'short' } });

    const items = await local.scan();
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain(SIMULATOR_USER_ID);
    expect(items[0]?.id?.S).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(items[0]?.expiresAt?.N)).toBe(now / 1000 + KEEP_DAYS * DAY);

    await store.forget(envelope(), deadline);
    expect((await store.read(envelope(), deadline)).fields).toEqual({});
  });

  test('the nation is read and written like the speech rate, and forget me clears it', async () => {
    const store = adapter();
    const first = await store.read(envelope(), deadline);
    await store.write(envelope(), { nation: 'scotland' }, Date.now(), first.version, deadline);
    const read = await store.read(envelope(), deadline);
    expect(readPreferences(partsOf(read.fields).preferences)).toMatchObject({ nation: 'scotland', ratePercent: 100 });
    // A nation that is not one of the three is never written.
    await store.write(envelope(), { nation: 'atlantis' }, Date.now(), read.version, deadline);
    expect(readPreferences(partsOf((await store.read(envelope(), deadline)).fields).preferences).nation).toBeNull();
    await store.write(envelope(), { nation: 'northern_ireland' }, Date.now(), read.version, deadline);
    const forgotten = await store.forget(envelope(), deadline);
    expect(readPreferences(partsOf((await store.read(envelope(), deadline)).fields).preferences).nation).toBeNull();
    expect(JSON.stringify(await local.item())).not.toMatch(/northern_ireland/);
    // A write planned before the deletion is refused; one after it is kept.
    expect((await store.write(envelope(), { nation: 'scotland' }, Date.now(), read.version, deadline)).outcome).toBe('forgotten');
    expect((await store.write(envelope(), { nation: 'scotland' }, Date.now(), forgotten, deadline)).outcome).toBe('saved');
    expect(partsOf((await store.read(envelope(), deadline)).fields)).toEqual({ preferences: { nation: 'scotland' } });
    await store.forget(envelope(), deadline);
  });

  test('an expired item counts as gone, its data is not brought back by a write, and reading pushes a live item\'s expiry back', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = adapter({ now: () => now });
    const first = await store.read(envelope(), deadline);
    await store.write(envelope(), { rate: 90, answers: 'short' }, now, first.version, deadline);
    const saved = Number((await local.item())?.expiresAt?.N);

    now += 30 * DAY * 1000;
    expect((await store.read(envelope(), deadline)).fields).toEqual({ rate: 90, answers: 'short' });
    expect(Number((await local.item())?.expiresAt?.N)).toBe(saved + 30 * DAY);

    now += (KEEP_DAYS + 1) * DAY * 1000;
    const expired = await store.read(envelope(), deadline);
    expect(expired.fields).toEqual({});
    await store.write(envelope(), { nation: 'scotland', scenesDone: ['front_door'] }, now, expired.version, deadline);
    const fresh = await store.read(envelope(), deadline);
    expect(fresh.fields).toEqual({ nation: 'scotland', scenesDone: ['front_door'] });
    await store.write(envelope(), { scenesDone: ['busy_street'] }, now, fresh.version, deadline);
    expect((await store.read(envelope(), deadline)).fields).toEqual({ nation: 'scotland', scenesDone: ['busy_street', 'front_door'] });
    await store.forget(envelope(), deadline);
    expect(Number((await local.item())?.expiresAt?.N)).toBe(Math.floor(now / 1000) + FORGOTTEN_DAYS * DAY);
  });

  test('a write from a session whose read failed does not bring an expired item\'s data back', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = adapter({ now: () => now });
    await store.write(envelope(), { rate: 90, answers: 'short' }, now, { generation: 0 }, deadline);
    now += (KEEP_DAYS + 1) * DAY * 1000;
    expect((await store.write(envelope(), { nation: 'scotland' }, now, { generation: null }, deadline)).outcome).toBe('saved');
    expect((await store.read(envelope(), deadline)).fields).toEqual({ nation: 'scotland' });
    await store.forget(envelope(), deadline);
  });

  test('changes reaching the store in any order: the latest of each field wins, and every finished scene counts', async () => {
    const store = adapter();
    const change = fc.oneof(
      fc.record({ rate: fc.constantFrom(70, 80, 90, 115, 130, null) }),
      fc.record({ answers: fc.constantFrom('short', null) }),
      fc.record({ nation: fc.constantFrom('england_wales', 'scotland', 'northern_ireland', null) }),
      fc.record({ scenesDone: fc.subarray(['quiet_street', 'busy_street', 'front_door'], { minLength: 1 }) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), async (changes, order) => {
      await store.forget(envelope(), deadline);
      const { version } = await store.read(envelope(), deadline);
      // Change i was made at time i; they reach the store shuffled.
      const delivery = changes.map((c, i) => ({ c, at: 1000 + i, key: order[i] ?? 0 })).sort((a, b) => a.key - b.key);
      for (const { c, at } of delivery) await store.write(envelope(), c, at, version, deadline);
      const expected: Record<string, unknown> = {};
      for (const c of changes) {
        for (const [name, value] of Object.entries(c)) {
          if (name === 'scenesDone') expected[name] = [...new Set([...((expected[name] as string[] | undefined) ?? []), ...(value as string[])])];
          else expected[name] = value;
        }
      }
      const fields = (await store.read(envelope(), deadline)).fields;
      const wanted = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== null).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]));
      const got = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]));
      expect(got).toEqual(wanted);
    }), { numRuns: 25 });
    await store.forget(envelope(), deadline);
  });

  test('through the skill: a slower rate is remembered into the next session, and forget me deletes it', async () => {
    const skill = buildSkill({ persistenceAdapter: adapter() });
    const handler = (event: RequestEnvelope) => skill.invoke(event) as Promise<ResponseEnvelope>;
    const slower = await new SessionDriver(handler).send(intent('SpeakSlowerIntent'));
    expect(rateOf(slower)).toBe('90');
    expect(ssml(slower)).toMatch(/remember that next time/);

    const next = await new SessionDriver(handler).send(intent('QuestionsToAskIntent'));
    expect(rateOf(next)).toBe('90');

    const forget = await new SessionDriver(handler).send(intent('ForgetMeIntent'));
    expect(ssml(forget)).toMatch(/deleted everything/);
    expect(rateOf(await new SessionDriver(handler).send(intent('QuestionsToAskIntent')))).toBe('100');
    // What is left is a marker with no data: the hashed id, how often it was deleted, and a short expiry.
    expect(Object.keys((await local.item()) ?? {}).sort()).toEqual(['expiresAt', 'gen', 'id']);
  });

  test('on Lambda\'s settings: the table from USER_TABLE_NAME, the endpoint from AWS_ENDPOINT_URL_DYNAMODB, credentials from the environment', async () => {
    const skill = skillFromEnvironment({
      USER_TABLE_NAME: TABLE, AWS_ENDPOINT_URL_DYNAMODB: local.endpoint, AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'lambda-key', AWS_SECRET_ACCESS_KEY: 'lambda-secret', AWS_SESSION_TOKEN: 'lambda-token',
    });
    const handler = (event: RequestEnvelope) => skill.invoke(event) as Promise<ResponseEnvelope>;
    expect(ssml(await new SessionDriver(handler).send(intent('SpeakFasterIntent')))).toMatch(/remember that next time/);
    expect(rateOf(await new SessionDriver(handler).send(intent('QuestionsToAskIntent')))).toBe('115');
    await new SessionDriver(handler).send(intent('ForgetMeIntent'));
  });

  test('a missing table: the answer still comes, nothing throws, and the log holds no personal data', async () => {
    const errors = captureLogs();
    const skill = buildSkill({ persistenceAdapter: adapter({ tableName: 'no-such-table' }) });
    const handler = (event: RequestEnvelope) => skill.invoke(event) as Promise<ResponseEnvelope>;
    const slower = await new SessionDriver(handler).send(intent('SpeakSlowerIntent'));
    expect(ssml(slower)).toMatch(/lasts only until you close the skill/);
    const answer = await new SessionDriver(handler).send(intent('QuestionsToAskIntent'));
    expect(ssml(answer)).toMatch(/where are your colleagues/);
    const logged = errors.text();
    expect(logged).toMatch(/storage_failure.*ResourceNotFoundException/);
    expect(logged).not.toMatch(/amzn1|SIMULATOR/);
    errors.restore();
  });
});

describe('cold start', () => {
  test('loading the Lambda entry with a table configured loads no AWS SDK code', () => {
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
