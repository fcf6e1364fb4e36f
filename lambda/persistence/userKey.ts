import type { RequestEnvelope } from 'ask-sdk-model';

type CreateHash = typeof import('node:crypto').createHash;
let createHash: CreateHash | undefined;

/**
 * The key a user's data is stored under: a SHA-256 hash of their Alexa user id, so no store ever
 * holds the id itself. The id is already specific to this skill; hashing keeps it out of tables,
 * files, backups and logs.
 */
export function userKeyOf(envelope: RequestEnvelope): string {
  // node:crypto is loaded on the first store access, not at start-up: a cold start that needs no
  // store (a launch, a question) should not pay for it.
  createHash ??= (require('node:crypto') as typeof import('node:crypto')).createHash;
  const userId = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId ?? 'anonymous';
  return createHash('sha256').update(userId).digest('hex');
}
