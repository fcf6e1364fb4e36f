import { captureLogs } from './support/quietLogs';
import { SkillBuilders, type HandlerInput } from 'ask-sdk-core';
import { deleteUserData, readUserData, writeUserPart } from '../lambda/persistence/userData';
import { buildEnvelope, newSession } from '../simulator/envelope';
import { MemoryAdapter } from './support/memoryAdapter';
import { intent } from './support/requests';

// Runs `body` inside a real request, with the given store, and returns what it resolved to.
async function withInput<T>(adapter: MemoryAdapter | undefined, body: (input: HandlerInput) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const builder = SkillBuilders.custom().addRequestHandlers({
    canHandle: () => true,
    handle: async (input) => {
      result = await body(input);
      return input.responseBuilder.getResponse();
    },
  });
  if (adapter) builder.withPersistenceAdapter(adapter);
  await builder.create().invoke(buildEnvelope(intent('AMAZON.HelpIntent'), newSession()));
  return result as T;
}

describe('user data', () => {
  test('a part written is read back in the next request, and delete removes everything', async () => {
    const store = new MemoryAdapter();
    expect(await withInput(store, (input) => writeUserPart(input, 'preferences', { rate: 80 }))).toBe(true);
    expect(await withInput(store, readUserData)).toEqual({ preferences: { rate: 80 } });
    expect(await withInput(store, deleteUserData)).toBe(true);
    expect(store.items.size).toBe(0);
  });

  test('with no store, or a failing one, reads are empty, writes report failure, and nothing throws', async () => {
    expect(await withInput(undefined, readUserData)).toEqual({});
    const store = new MemoryAdapter();
    store.failing = true;
    const errors = captureLogs();
    expect(await withInput(store, readUserData)).toEqual({});
    expect(await withInput(store, (input) => writeUserPart(input, 'x', 1))).toBe(false);
    expect(await withInput(store, deleteUserData)).toBe(false);
    // Logged without any user id or stored value.
    expect(errors.text()).toMatch(/storage_failure/);
    expect(errors.text()).not.toMatch(/SIMULATOR|amzn1/);
    errors.restore();
  });
});
