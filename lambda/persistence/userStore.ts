import type { RequestEnvelope } from 'ask-sdk-model';
import type { FieldChange, Fields } from './fields';

/**
 * Where what the skill remembers is kept, as the skill uses it: read once when a session starts,
 * then only what changed is written, and "forget me" deletes for good. The DynamoDB store
 * (dynamoAdapter.ts) and the whole-record stores of the simulator and tests (recordStore.ts) both
 * take this shape.
 */

/**
 * What a session learnt about the stored item when it read it, handed back with each write so the
 * store can tell a write from a session that began before "forget me" (the generation moved on),
 * or one planned against an expired item. Kept in the session, so it is plain JSON.
 */
export interface Version {
  /** How many times the user's data was deleted when the session read it; null when unknown. */
  readonly generation: number | null;
  /** The expiry of an item read as expired (its data is gone, only not yet deleted by DynamoDB). */
  readonly expiredAt?: string;
  /** Fields read from the item's pre-field shape (one 'attributes' map), to move out on the next write. */
  readonly legacy?: boolean;
}

export interface Snapshot {
  readonly fields: Fields;
  readonly version: Version;
}

/** 'saved'; 'superseded' when a later change to the same fields was there first (nothing is lost). */
export type WriteOutcome = 'saved' | 'superseded' | 'forgotten';

/** When a store call must have answered by: the time left for the answer to still be spoken. */
export interface Deadline {
  /** Milliseconds left, never below zero. */
  readonly left: () => number;
}

export interface UserStore {
  /** The fields stored for the request's user (the caller makes sure there is one). */
  read(envelope: RequestEnvelope, deadline: Deadline): Promise<Snapshot>;
  /** Writes only `change`, made at `at` (milliseconds): older changes never overwrite newer ones. */
  write(envelope: RequestEnvelope, change: FieldChange, at: number, version: Version, deadline: Deadline): Promise<{ outcome: WriteOutcome; version: Version }>;
  /** Deletes everything kept for the user, so that no session that read it before can bring it back. */
  forget(envelope: RequestEnvelope, deadline: Deadline): Promise<Version>;
}

export const isUserStore = (x: unknown): x is UserStore =>
  typeof x === 'object' && x !== null && typeof (x as UserStore).read === 'function' && typeof (x as UserStore).forget === 'function';

/** The error a store call gives when its deadline passed first. */
class DeadlineError extends Error {
  override readonly name = 'StoreDeadlineExceeded';
}

/**
 * Runs a store call, giving up when the deadline passes: `signal` aborts the call's own request,
 * and the promise settles at the deadline even if the call ignores it. A deadline already past
 * starts nothing.
 */
export async function withinDeadline<T>(deadline: Deadline, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const left = deadline.left();
  if (left <= 0) throw new DeadlineError('no time left for the store');
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineError('the store did not answer in time');
      controller.abort(error);
      reject(error);
    }, left);
  });
  try {
    return await Promise.race([call(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
