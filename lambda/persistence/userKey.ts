import { createHash } from 'node:crypto';
import type { RequestEnvelope } from 'ask-sdk-model';

/**
 * The key a user's data is stored under: a SHA-256 hash of their Alexa user id, so no store ever
 * holds the id itself. The id is already specific to this skill; hashing keeps it out of tables,
 * files, backups and logs.
 */
export function userKeyOf(envelope: RequestEnvelope): string {
  const userId = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId ?? 'anonymous';
  return createHash('sha256').update(userId).digest('hex');
}
