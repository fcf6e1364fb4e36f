import { captureLogs } from './support/quietLogs';
import { SkillBuilders, type HandlerInput } from 'ask-sdk-core';
import { recordStore } from '../lambda/persistence/recordStore';
import { deleteUserData, readUserData, startStoreRequest, writeUserPart } from '../lambda/persistence/userData';
import { buildEnvelope, newSession } from '../simulator/envelope';
import { MemoryAdapter } from './support/memoryAdapter';
import { intent } from './support/requests';

// Runs `body` inside a real request, with the given store, and returns what it resolved to.
async function withInput<T>(adapter: MemoryAdapter | undefined, body: (input: HandlerInput) => Promise<T>, envelope = buildEnvelope(intent('AMAZON.HelpIntent'), newSession())): Promise<T> {
  let result: T | undefined;
  const store = adapter && recordStore(adapter);
  await SkillBuilders.custom().addRequestHandlers({
    canHandle: () => true,
    handle: async (input) => {
      startStoreRequest(input, store);
      result = await body(input);
      return input.responseBuilder.getResponse();
    },
  }).create().invoke(envelope);
  return result as T;
}

describe('user data', () => {
  test('a part written is read back in the next request, and delete removes everything', async () => {
    const store = new MemoryAdapter();
    expect(await withInput(store, (input) => writeUserPart(input, 'preferences', { ratePercent: 80 }))).toBe(true);
    expect(await withInput(store, readUserData)).toEqual({ preferences: { ratePercent: 80 } });
    expect(await withInput(store, deleteUserData)).toBe(true);
    expect(store.items.size).toBe(0);
  });

  test('only what changed is written: another session\'s change to another field stays', async () => {
    const store = new MemoryAdapter();
    await withInput(store, (input) => writeUserPart(input, 'preferences', { ratePercent: 80 }));
    await withInput(store, async (input) => {
      await readUserData(input);
      // Another device changes the rate after this session read it.
      for (const key of store.items.keys()) store.items.set(key, { preferences: { ratePercent: 70 } });
      return writeUserPart(input, 'preferences', { ratePercent: 80, answers: 'short' });
    });
    expect(await withInput(store, readUserData)).toEqual({ preferences: { ratePercent: 70, answers: 'short' } });
  });

  test('with no store, or a failing one, reads are empty, writes report failure, and nothing throws', async () => {
    expect(await withInput(undefined, readUserData)).toEqual({});
    expect(await withInput(undefined, (input) => writeUserPart(input, 'preferences', { ratePercent: 80 }))).toBe(false);
    const store = new MemoryAdapter();
    store.failing = true;
    const errors = captureLogs();
    expect(await withInput(store, readUserData)).toEqual({});
    expect(await withInput(store, (input) => writeUserPart(input, 'preferences', { ratePercent: 80 }))).toBe(false);
    expect(await withInput(store, deleteUserData)).toBe(false);
    // Logged without any user id or stored value.
    expect(errors.text()).toMatch(/storage_failure/);
    expect(errors.text()).not.toMatch(/SIMULATOR|amzn1/);
    errors.restore();
  });

  test('a request with no user id stores nothing', async () => {
    const store = new MemoryAdapter();
    const anonymous = buildEnvelope(intent('AMAZON.HelpIntent'), newSession()) as unknown as { context: { System: { user?: unknown } }; session: { user?: unknown } };
    delete anonymous.context.System.user;
    delete anonymous.session.user;
    const envelope = anonymous as unknown as Parameters<typeof withInput>[2];
    expect(await withInput(store, (input) => writeUserPart(input, 'preferences', { ratePercent: 80 }), envelope)).toBe(false);
    expect(store.items.size).toBe(0);
  });
});
