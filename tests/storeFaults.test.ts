import { captureLogs } from './support/quietLogs';
import { DeleteItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { DynamoAdapter } from '../lambda/persistence/dynamoAdapter';
import { buildSkill } from '../lambda/skill';
import type { RequestBody } from '../simulator/envelope';
import { buildEnvelope, newSession } from '../simulator/envelope';
import { FaultProxy, type Fault } from './support/faultProxy';
import { CREDENTIALS, LocalDynamo, REGION, TABLE, USER_KEY } from './support/localDynamo';
import { intent, launch, SessionDriver } from './support/requests';
import { rateOf, said } from './support/skillWithStore';

// The store under faults, as users meet them: DynamoDB (dynalite on 127.0.0.1) behind a proxy that
// can hang, throttle, fail, garble or delay; two skill instances as two devices of one user.

jest.setTimeout(30000);

const local = new LocalDynamo();
let proxy: FaultProxy;
let errors: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  await local.start();
  proxy = new FaultProxy(local.endpoint);
  await proxy.start();
});
afterAll(async () => {
  await proxy.stop();
  await local.stop();
});
beforeEach(async () => {
  proxy.fault = () => 'pass';
  proxy.seen.length = 0;
  errors = captureLogs();
  await local.raw.send(new DeleteItemCommand({ TableName: TABLE, Key: { id: { S: USER_KEY } } }));
});
afterEach(() => errors.restore());

type Invoke = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

/**
 * One device: the skill with its own store client, through the proxy unless told otherwise; its
 * sessions pass `context` (Lambda's) with every request.
 */
function device(endpoint = proxy.endpoint, context?: unknown): { invoke: Invoke; session: () => SessionDriver } {
  const skill = buildSkill({
    persistenceAdapter: new DynamoAdapter({ tableName: TABLE, clientConfig: { endpoint, region: REGION, credentials: CREDENTIALS } }),
  });
  const invoke: Invoke = (event, context) => skill.invoke(event, context) as Promise<ResponseEnvelope>;
  return { invoke, session: () => new SessionDriver((event) => invoke(event, context)) };
}

/**
 * Lambda's context when little time is left: the store gets a second less than that, below the 2 s
 * a call gets by default, so a hang is cut off sooner (the first test keeps the default budget).
 */
const LEFT_MS = 1500;
const littleTimeLeft = { getRemainingTimeInMillis: () => LEFT_MS };

/** Fails unless `answer` settles within `ms`: the wait is bounded either way. */
async function within<T>(ms: number, answer: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// As far ahead as a fresh write puts it, so reading does not push it back (another write).
const future = () => ({ N: String(Math.floor(Date.now() / 1000) + 90 * 24 * 60 * 60) });
/** An item as the skill wrote it before fields existed: one map of parts. */
const oldShape = (parts: Record<string, AttributeValue>, expiresAt: AttributeValue | null = future()) =>
  local.put({ attributes: { M: parts }, ...(expiresAt ? { expiresAt } : {}) });
const rate80: Record<string, AttributeValue> = { preferences: { M: { ratePercent: { N: '80' } } } };

const count = (operation: string) => proxy.seen.filter((seen) => seen === operation).length;
const scene = (id: string): RequestBody => intent('StartRehearsalIntent', { scene: { value: id, id } }, ['scene']);

describe('1. a store that hangs or fails costs the user nothing but their settings for that turn', () => {
  test('a store that never answers: the launch is still answered within 6 s, at the defaults', async () => {
    await oldShape(rate80);
    proxy.fault = () => 'hang';
    const started = Date.now();
    const r = await within(6000, device().session().send(launch()));
    expect(Date.now() - started).toBeLessThan(6000);
    expect(said(r)).toMatch(/^If you're in danger now, call nine nine nine/);
    expect(rateOf(r)).toBe(100);
    expect(r.response.shouldEndSession).toBe(false);
  });

  test('where Lambda says how long is left, the store gets less, so the answer still goes out in time', async () => {
    proxy.fault = () => 'hang';
    // Within what is left, which is less than the store's own 2 s per call.
    const r = await within(LEFT_MS, device().invoke(buildEnvelope(launch(), newSession()), littleTimeLeft));
    expect(said(r)).toMatch(/call nine nine nine/);
  });

  test('when the read answers and the write hangs: the user\'s settings, an honest word, and no retry after the answer', async () => {
    await oldShape(rate80);
    proxy.fault = (operation) => (operation === 'GetItem' ? 'pass' : 'hang');
    const d = device(proxy.endpoint, littleTimeLeft).session();
    expect(rateOf(await within(LEFT_MS, d.send(launch())))).toBe(80);
    const slower = await within(LEFT_MS, d.send(intent('SpeakSlowerIntent')));
    expect(rateOf(slower)).toBe(70);
    expect(said(slower)).toMatch(/couldn't save that/);
    // Watched for as long again as the whole request had: a retry would be a new UpdateItem.
    const writes = count('UpdateItem');
    await wait(LEFT_MS);
    expect(count('UpdateItem')).toBe(writes);
  });

  test('with the writes hanging, the real danger answer in a practice waits on no store', async () => {
    proxy.fault = (operation) => (operation === 'GetItem' ? 'pass' : 'hang');
    const d = device().session();
    await within(6000, d.send(scene('quiet_street')));
    // A write waited on would take the store's whole budget (2 s); the answer comes well before.
    const r = await within(1000, d.send(intent('InDangerIntent')));
    expect(said(r)).toMatch(/^Call nine nine nine on your own phone now\..*Would you like to carry on practising\?$/);
  });

  test('with the writes hanging, the session ending after that answer is still closed in time, saying nothing', async () => {
    proxy.fault = (operation) => (operation === 'GetItem' ? 'pass' : 'hang');
    const d = device().session();
    await within(6000, d.send(scene('quiet_street')));
    await within(1000, d.send(intent('InDangerIntent')));
    const ended = await within(6000, d.send({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' }));
    expect(ended.response.outputSpeech).toBeUndefined();
  });

  test.each<[string, Fault]>([['a throttled read', 'throttle'], ['a read over the table\'s throughput', 'exceeded'], ['a failing read', 'fail'], ['a garbled read', 'garble']])(
    '%s: the answer at the defaults, at once, without retrying', async (_name, fault) => {
      await oldShape(rate80);
      proxy.fault = () => fault;
      const r = await within(3000, device().session().send(launch()));
      expect(said(r)).toMatch(/call nine nine nine/);
      expect(rateOf(r)).toBe(100);
      expect(count('GetItem')).toBe(1);
      expect(errors.text()).toMatch(/storage_failure/);
      expect(errors.text()).not.toMatch(/amzn1|SIMULATOR/);
    });
});

describe('1. after a read that failed', () => {
  test('a change is still saved, and adds to what was stored', async () => {
    await oldShape(rate80);
    proxy.fault = (operation) => (operation === 'GetItem' ? 'throttle' : 'pass');
    const d = device().session();
    expect(rateOf(await d.send(launch()))).toBe(100);
    expect(said(await d.send(intent('ShortAnswersIntent')))).toMatch(/remember that next time/);
    proxy.fault = () => 'pass';
    const r = await device().session().send(intent('QuestionsToAskIntent'));
    expect(rateOf(r)).toBe(80);
    expect(said(r)).not.toMatch(/reasonable to ask/);
  });
});

describe('1. a connection dropped once', () => {
  test('is tried once more on a new one: the user\'s settings are read', async () => {
    await oldShape(rate80);
    let dropped = false;
    proxy.fault = () => (dropped ? 'pass' : ((dropped = true), 'reset'));
    expect(rateOf(await within(6000, device().session().send(launch())))).toBe(80);
    expect(count('GetItem')).toBe(2);
  });
});

describe('2. read once per session, write once per change', () => {
  test('a launch, a practice and a change of speed: one read, one write per change', async () => {
    await oldShape(rate80);
    const d = device().session();
    await d.send(launch());
    expect(count('GetItem')).toBe(1);
    await d.send(scene('front_door'));
    await d.send(intent('AskWarrantCardMoveIntent'));
    const slower = await d.send(intent('SpeakSlowerIntent'));
    expect(rateOf(slower)).toBe(70);
    expect(count('GetItem')).toBe(1 + 1);
    // Reads: the session's one, and the old-shaped item looked at once more as it is moved out.
    // Writes: the scene started, the move made, the new speed.
    expect(count('UpdateItem')).toBe(3);
  });

  test('a session on an item in the current shape: exactly one read', async () => {
    const d = device().session();
    await d.send(intent('SpeakSlowerIntent'));
    proxy.seen.length = 0;
    const next = device().session();
    await next.send(launch());
    await next.send(scene('busy_street'));
    await next.send(intent('AskColleaguesMoveIntent'));
    expect(count('GetItem')).toBe(1);
    expect(count('UpdateItem')).toBe(2);
  });
});

describe('3. two devices never overwrite each other', () => {
  test('B, opened before A said slower, keeps A\'s speed when it changes the answer length', async () => {
    const a = device().session();
    const b = device().session();
    await b.send(launch());
    await a.send(launch());
    expect(said(await a.send(intent('SpeakSlowerIntent')))).toMatch(/remember that next time/);
    expect(said(await b.send(intent('ShortAnswersIntent')))).toMatch(/remember that next time/);
    const next = device().session();
    const r = await next.send(intent('QuestionsToAskIntent'));
    expect(rateOf(r)).toBe(90);
    expect(said(r)).not.toMatch(/reasonable to ask/);
  });

  test('fifty changes at the same moment from two devices: none is lost', async () => {
    const a = device().session();
    const b = device().session();
    await Promise.all([a.send(launch()), b.send(launch())]);
    let lost = 0;
    for (let round = 0; round < 25; round++) {
      const rateIntent = round % 2 ? 'NormalSpeedIntent' : 'SpeakSlowerIntent';
      const lengthIntent = round % 2 ? 'FullAnswersIntent' : 'ShortAnswersIntent';
      await Promise.all([a.send(intent(rateIntent)), b.send(intent(lengthIntent))]);
      const item = await local.item();
      const rate = item?.rate?.N ?? '100';
      const short = item?.answers?.S === 'short';
      if (rate !== (round % 2 ? '100' : '90')) lost += 1;
      if (short !== !(round % 2)) lost += 1;
    }
    expect(lost).toBe(0);
  });

  test('scenes finished on two devices at once are both remembered', async () => {
    const moves = ['AskWarrantCardMoveIntent', 'AskColleaguesMoveIntent', 'CallToCheckMoveIntent', 'AskWhyStoppedMoveIntent', 'StandFirmMoveIntent', 'GetToSafetyMoveIntent'];
    /** Plays the scene to its end (a bounded number of moves). */
    const finish = async (d: SessionDriver, id: string) => {
      await d.send(scene(id));
      for (const move of moves) if (/try another scene\?$/.test(said(await d.send(intent(move))))) return;
      throw new Error(`${id} did not end`);
    };
    const a = device().session();
    const b = device().session();
    await Promise.all([a.send(launch()), b.send(launch())]);
    await Promise.all([finish(a, 'front_door'), finish(b, 'busy_street')]);
    expect((await local.item())?.scenesDone?.SS?.sort()).toEqual(['busy_street', 'front_door']);
  });
});

describe('4. "forget me" stays forgotten, whatever another device was doing', () => {
  /** A user with things to forget: slowest speed, and a move missed last time. */
  async function userWithHistory(): Promise<void> {
    const a = device(local.endpoint).session();
    for (let i = 0; i < 3; i++) await a.send(intent('SpeakSlowerIntent'));
    await a.send(scene('front_door'));
    await a.send(intent('AskWarrantCardMoveIntent'));
    await a.send(intent('StandFirmMoveIntent'));
    await a.send(intent('AMAZON.CancelIntent'));
  }

  async function expectForgotten(): Promise<void> {
    const r = await device(local.endpoint).session().send(launch());
    expect(rateOf(r)).toBe(100);
    expect(said(r)).not.toMatch(/slipped your mind|part-way/);
  }

  test('said on A while B is mid-rehearsal: B\'s next turn does not bring anything back', async () => {
    await userWithHistory();
    const b = device().session();
    await b.send(scene('quiet_street'));
    const forget = await device(local.endpoint).session().send(intent('ForgetMeIntent'));
    expect(said(forget)).toMatch(/deleted everything/);
    await b.send(intent('AskColleaguesMoveIntent'));
    await b.send(intent('AMAZON.StopIntent'));
    await expectForgotten();
  });

  test('with B\'s write in flight, landing after the deletion: nothing comes back, ten times in ten', async () => {
    for (let run = 0; run < 10; run++) {
      await userWithHistory();
      const b = device().session();
      await b.send(scene('quiet_street'));
      // B's write reaches the proxy, which holds it until the deletion is done.
      let deleted!: () => void;
      const heldUntil = new Promise<void>((resolve) => { deleted = resolve; });
      let arrived!: () => void;
      const writeHeld = new Promise<void>((resolve) => { arrived = resolve; });
      let held = false;
      proxy.fault = (operation) => {
        if (operation !== 'UpdateItem' || held) return 'pass';
        held = true;
        arrived();
        return { heldUntil };
      };
      const move = b.send(intent('AskColleaguesMoveIntent'));
      await within(3000, writeHeld);
      expect(said(await device(local.endpoint).session().send(intent('ForgetMeIntent')))).toMatch(/deleted everything/);
      deleted();
      await within(6000, move);
      await proxy.drained();
      proxy.fault = () => 'pass';
      await expectForgotten();
    }
  });

  test('a new setting after forget me, on the device that said it, is kept', async () => {
    await userWithHistory();
    const a = device().session();
    await a.send(intent('ForgetMeIntent'));
    expect(said(await a.send(intent('SpeakFasterIntent')))).toMatch(/remember that next time/);
    expect(rateOf(await device().session().send(launch()))).toBe(115);
  });
});

describe('5. odd reads never wipe good data', () => {
  test.each<[string, AttributeValue | null]>([['missing', null], ['a string', { S: '1999999999' }]])(
    'an expiry that is %s: the settings are used, and the next change keeps them', async (_name, expiresAt) => {
      await oldShape(rate80, expiresAt);
      const d = device().session();
      expect(rateOf(await d.send(launch()))).toBe(80);
      await d.send(intent('ShortAnswersIntent'));
      const r = await device().session().send(intent('QuestionsToAskIntent'));
      expect(rateOf(r)).toBe(80);
      expect(said(r)).not.toMatch(/reasonable to ask/);
    });

  test('a read that returns {}: that session runs on the defaults, and its change erases nothing', async () => {
    await oldShape(rate80);
    proxy.fault = (operation) => (operation === 'GetItem' ? 'empty' : 'pass');
    const d = device().session();
    expect(rateOf(await d.send(launch()))).toBe(100);
    await d.send(intent('ShortAnswersIntent'));
    proxy.fault = () => 'pass';
    const r = await device().session().send(intent('QuestionsToAskIntent'));
    expect(rateOf(r)).toBe(80);
    expect(said(r)).not.toMatch(/reasonable to ask/);
  });

  test('an over-long list of finished scenes is not reset by the next practice', async () => {
    const scenes = Array.from({ length: 60 }, (_, i) => ({ S: i % 2 ? 'quiet_street' : 'busy_street' }));
    await oldShape({ rehearsal: { M: { scenesDone: { L: scenes }, missed: { L: [] } } } });
    const d = device().session();
    await d.send(scene('front_door'));
    await d.send(intent('AskWarrantCardMoveIntent'));
    const stored = JSON.stringify(await local.item());
    expect(stored).toMatch(/quiet_street/);
    expect(stored).toMatch(/busy_street/);
  });

  test('a number too big to read exactly costs only its own field', async () => {
    await oldShape({
      ...rate80,
      rehearsal: { M: { unfinished: { M: { scene: { S: 'front_door' }, beat: { N: '12345678901234567.5' }, made: { L: [] }, unsafe: { L: [] } } } } },
    });
    const r = await device().session().send(launch());
    expect(rateOf(r)).toBe(80);
    expect(said(r)).not.toMatch(/part-way/);
  });

  test('an item at DynamoDB\'s size limit: the next change is saved, and the item shrinks', async () => {
    await oldShape({ ...rate80, junk: { S: 'x'.repeat(399 * 1024) } });
    const d = device().session();
    await d.send(launch());
    expect(said(await d.send(intent('ShortAnswersIntent')))).toMatch(/remember that next time/);
    expect(JSON.stringify(await local.item()).length).toBeLessThan(2000);
    expect(rateOf(await device().session().send(launch()))).toBe(80);
  });
});

describe('5. a save that fails is said, calmly', () => {
  test('a practice that cannot be saved: the user hears it once, and the practice carries on', async () => {
    proxy.fault = (operation) => (operation === 'UpdateItem' ? 'fail' : 'pass');
    const d = device().session();
    const first = await d.send(scene('front_door'));
    expect(said(first)).toMatch(/^I couldn't save your practice just now, so next time I may not remember it\./);
    const next = await d.send(intent('AskWarrantCardMoveIntent'));
    expect(said(next)).not.toMatch(/couldn't save/);
    expect(said(next)).toMatch(/What do you say or do\?$/);
    expect(next.response.shouldEndSession).toBe(false);
  });
});

describe('6. requests with no user id', () => {
  const anonymous = (body: RequestBody): RequestEnvelope => {
    const envelope = buildEnvelope(body, newSession()) as unknown as { context: { System: { user?: unknown } }; session: { user?: unknown } };
    delete envelope.context.System.user;
    delete envelope.session.user;
    return envelope as unknown as RequestEnvelope;
  };

  test('store nothing, so no two of them share a record', async () => {
    const { invoke } = device();
    const slower = await invoke(anonymous(intent('SpeakSlowerIntent')));
    expect(rateOf(slower)).toBe(90);
    expect(said(slower)).toMatch(/lasts only until you close the skill/);
    expect(rateOf(await invoke(anonymous(launch())))).toBe(100);
    expect(await local.scan()).toEqual([]);
    expect(proxy.seen).toEqual([]);
  });
});
