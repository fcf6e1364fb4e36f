import type { RequestEnvelope } from 'ask-sdk-model';

type CreateHash = typeof import('node:crypto').createHash;
let createHash: CreateHash | undefined;

/** The request's Alexa user id, or null when it has none (then nothing is stored for it). */
export function userIdOf(envelope: RequestEnvelope): string | null {
  const userId: unknown = envelope?.context?.System?.user?.userId ?? envelope?.session?.user?.userId;
  return typeof userId === 'string' && userId.trim() !== '' ? userId : null;
}

/**
 * The key a user's data is stored under: a SHA-256 hash of their Alexa user id, so no store ever
 * holds the id itself. The id is already specific to this skill; hashing keeps it out of tables,
 * files, backups and logs. Null for a request with no user id: such requests would otherwise all
 * share one record.
 */
export function userKeyOf(envelope: RequestEnvelope): string | null {
  const userId = userIdOf(envelope);
  if (userId === null) return null;
  // node:crypto is loaded on the first store access, not at start-up: a cold start that needs no
  // store (a launch, a question) should not pay for it.
  createHash ??= (require('node:crypto') as typeof import('node:crypto')).createHash;
  return createHash('sha256').update(userId).digest('hex');
}
