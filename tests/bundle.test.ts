import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  buildSkillBundle, DYNAMODB_FILE, FORBIDDEN_INPUTS, forbiddenInputs, LAMBDA_HANDLER, MAIN_FILE, type SkillBundle,
} from '../scripts/build/bundleSkill';
import { writeZip } from '../scripts/build/zip';
import { buildEnvelope, newSession, SIMULATOR_SKILL_ID } from '../simulator/envelope';
import { runInFreshNode } from './support/freshNode';
import { readZip } from './support/zipReader';

const dynalite = require('dynalite') as (options: { createTableMs: number }) => import('node:net').Server;

const work = mkdtempSync(join(tmpdir(), 'lone-officer-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const launchEnvelope = () => buildEnvelope({ type: 'LaunchRequest' }, newSession());

/** Code for a fresh process: load the bundle, optionally answer a launch, report what got loaded. */
const probe = (bundleDir: string, answerLaunch: boolean) => `
  const loaded = () => Object.keys(require.cache).some((file) => file.endsWith(${JSON.stringify(`/${DYNAMODB_FILE}`)}));
  const builtinsBefore = new Set(process.moduleLoadList);
  const { handler } = require(${JSON.stringify(join(bundleDir, MAIN_FILE))});
  const heavyBuiltins = process.moduleLoadList
    .filter((name) => !builtinsBefore.has(name) && /^NativeModule (crypto|https?|net|tls|zlib)$/.test(name))
    .map((name) => name.replace('NativeModule ', ''));
  const report = { arity: handler.length, dynamoDbAtLoad: loaded(), heavyBuiltins };
  (async () => {
    if (${answerLaunch}) {
      const returned = handler(${JSON.stringify(launchEnvelope())}, {});
      report.returnsPromise = returned instanceof Promise;
      const envelope = await returned;
      report.speech = envelope.response.outputSpeech.ssml;
      report.endsSession = envelope.response.shouldEndSession;
      report.dynamoDbAfterLaunch = loaded();
    }
    console.log(JSON.stringify(report));
  })();`;

describe('the Lambda bundle', () => {
  let bundle: SkillBundle;
  const dir = join(work, 'skill');
  beforeAll(async () => {
    bundle = await buildSkillBundle(dir);
  });

  it('holds nothing of aws-sdk v2, jest, the simulator, nlp.js, minisearch or the fact-sheet registry', () => {
    expect(forbiddenInputs(bundle)).toEqual([]);
    // The guard itself notices them (so an empty list above means something).
    const planted = { ...bundle, inputs: { [MAIN_FILE]: ['node_modules/aws-sdk/lib/core.js', 'simulator/cli.ts', 'node_modules/minisearch/dist/cjs/index.cjs', 'node_modules/@nlpjs/core/src/index.js', 'node_modules/jest-circus/build/index.js', 'lambda/guidance/factSheet.ts'] } };
    expect(forbiddenInputs(planted)).toHaveLength(6);
    expect(FORBIDDEN_INPUTS.length).toBeGreaterThan(0);
  });

  it('is the skill: the entry and its handlers are inside, and the SDK is bundled, not expected from the runtime', () => {
    const inputs = bundle.inputs[MAIN_FILE] ?? [];
    expect(inputs).toContain('lambda/index.ts');
    expect(inputs).toContain('lambda/locales/en-GB.json');
    expect(inputs.some((input) => input.includes('node_modules/ask-sdk-core/'))).toBe(true);
    expect(inputs.some((input) => input.includes('node_modules/i18next/'))).toBe(true);
    const code = readFileSync(join(dir, MAIN_FILE), 'utf8');
    expect(code).not.toMatch(/require\("(ask-sdk-core|i18next|ask-sdk-model)"\)/);
  });

  it('in a fresh process, exports handler(event, context) that answers a launch with a promise', async () => {
    expect(LAMBDA_HANDLER).toBe(`${MAIN_FILE.replace(/\.js$/, '')}.handler`);
    const report = await runInFreshNode(probe(dir, true)) as Record<string, unknown>;
    expect(report.arity).toBe(2);
    expect(report.returnsPromise).toBe(true);
    expect(report.speech).toMatch(/^<speak>.*nine nine nine/);
    expect(report.endsSession).toBe(false);
  });

  it('refuses a request for another skill when SKILL_ID is set', async () => {
    const code = `
      const { handler } = require(${JSON.stringify(join(dir, MAIN_FILE))});
      handler(${JSON.stringify(launchEnvelope())}, {}).then(
        () => console.log(JSON.stringify('answered')),
        () => console.log(JSON.stringify('refused')));`;
    expect(await runInFreshNode(code, { SKILL_ID: 'amzn1.ask.skill.someone-else' })).toBe('refused');
    expect(await runInFreshNode(code, { SKILL_ID: SIMULATOR_SKILL_ID })).toBe('answered');
  });

  it('does not load the DynamoDB client at start-up, even with a table configured', async () => {
    const withTable = await runInFreshNode(probe(dir, false), { USER_TABLE_NAME: 'officer-check-users', AWS_REGION: 'eu-west-2' }) as Record<string, unknown>;
    expect(withTable.dynamoDbAtLoad).toBe(false);
    const withoutTable = await runInFreshNode(probe(dir, true)) as Record<string, unknown>;
    expect(withoutTable.dynamoDbAtLoad).toBe(false);
    expect(withoutTable.dynamoDbAfterLaunch).toBe(false);
  });

  it('loads no crypto, http or network module at start-up: a launch without a store needs none', async () => {
    // node:crypto alone costs about 3 ms of a cold start here; http and https about 5 ms.
    const report = await runInFreshNode(probe(dir, false), { USER_TABLE_NAME: 'officer-check-users', AWS_REGION: 'eu-west-2' }) as Record<string, unknown>;
    expect(report.heavyBuiltins).toEqual([]);
  });

  it('holds every word in index.js: answering reads no file', async () => {
    expect(bundle.files.map((file) => file.name)).toEqual([MAIN_FILE, DYNAMODB_FILE]);
    const ask = (intent: string) => buildEnvelope({ type: 'IntentRequest', intent, slots: {}, declaredSlots: [] }, newSession());
    const code = (bundleDir: string) => `
      const fs = require('node:fs');
      const read = [];
      const readFileSync = fs.readFileSync;
      fs.readFileSync = (file, ...rest) => { read.push(require('node:path').basename(String(file))); return readFileSync(file, ...rest); };
      const { handler } = require(${JSON.stringify(join(bundleDir, MAIN_FILE))});
      read.length = 0; // Node reads index.js itself with readFileSync.
      (async () => {
        const said = [];
        for (const envelope of ${JSON.stringify([launchEnvelope(), ask('WarrantCardIntent'), ask('StartRehearsalIntent')])}) {
          const answer = await handler(envelope, {});
          said.push({ speech: answer.response.outputSpeech.ssml, read: read.splice(0) });
        }
        console.log(JSON.stringify(said));
      })();`;
    const [launch, topic, rehearsal] = await runInFreshNode(code(dir)) as { speech: string; read: string[] }[];
    expect([launch?.read, topic?.read, rehearsal?.read]).toEqual([[], [], []]);
    expect(topic?.speech).toContain('A warrant card is a police officer&apos;s photo ID');
    expect(rehearsal?.speech).toContain('Let&apos;s practise');
  });

  it('zips into a deployment package that holds exactly the bundled files, readable by everyone', async () => {
    const entries = bundle.files.map(({ name }) => ({ name, data: readFileSync(join(dir, name)) }));
    const file = join(work, 'lambda.zip');
    await writeZip(file, entries);
    const archive = readFileSync(file);
    const read = await readZip(archive);
    expect(read.map((entry) => entry.name)).toEqual(bundle.files.map((bundled) => bundled.name));
    for (const entry of read) {
      expect(entry.data.equals(readFileSync(join(dir, entry.name)))).toBe(true);
      expect(entry.mode & 0o444).toBe(0o444);
    }
    // Same input, same bytes: an unchanged skill gives an unchanged package.
    const again = join(work, 'again.zip');
    await writeZip(again, entries);
    expect(readFileSync(again).equals(archive)).toBe(true);
    // The reader really checks: a CRC changed in the central directory is refused.
    const centralEntry = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const broken = Buffer.from(archive);
    broken.writeUInt32LE((broken.readUInt32LE(centralEntry + 16) ^ 1) >>> 0, centralEntry + 16);
    await expect(readZip(broken)).rejects.toThrow(/CRC mismatch/);
  });
});

describe('the DynamoDB client, bundled into its own file', () => {
  const dir = join(work, 'lazy');
  let bundle: SkillBundle;
  let server: import('node:net').Server;
  let endpoint: string;
  beforeAll(async () => {
    bundle = await buildSkillBundle(dir, 'tests/fixtures/bundle/lazyDynamoDb.ts');
    server = dynalite({ createTableMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const admin = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await admin.send(new CreateTableCommand({
      TableName: 'users', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }));
    admin.destroy();
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('goes into aws-dynamodb.js beside index.js, and index.js stays small', () => {
    expect(bundle.files.map((file) => file.name)).toEqual([MAIN_FILE, DYNAMODB_FILE]);
    expect(bundle.inputs[MAIN_FILE]?.some((input) => /@aws-sdk\/|@smithy\//.test(input))).toBe(false);
    expect(bundle.inputs[DYNAMODB_FILE]?.some((input) => input.includes('node_modules/@smithy/signature-v4/'))).toBe(true);
    expect(forbiddenInputs(bundle)).toEqual([]);
    // Only what the store uses: the request signer, none of the SDK's clients.
    const vendor = readFileSync(join(dir, DYNAMODB_FILE), 'utf8');
    expect(vendor).toContain('AWS4-HMAC-SHA256');
    expect(bundle.inputs[DYNAMODB_FILE]?.some((input) => input.includes('@aws-sdk/client-dynamodb'))).toBe(false);
  });

  it('is read only on first use, and then works against a DynamoDB-compatible server', async () => {
    const code = `
      const loaded = () => Object.keys(require.cache).some((file) => file.endsWith(${JSON.stringify(`/${DYNAMODB_FILE}`)}));
      const store = require(${JSON.stringify(join(dir, MAIN_FILE))});
      const atLoad = loaded();
      store.roundTrip(${JSON.stringify(endpoint)}, 'users').then((item) => console.log(JSON.stringify({ atLoad, afterUse: loaded(), item })));`;
    const report = await runInFreshNode(code) as Record<string, unknown>;
    const attributes = { preferences: { ratePercent: 80 } };
    expect(report).toEqual({ atLoad: false, afterUse: true, item: { saved: attributes, later: attributes, deleted: {} } });
  });
});
