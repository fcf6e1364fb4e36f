import { DynamoAdapter } from './dynamoAdapter';
import { recordStore } from './recordStore';
import type { UserStore } from './userStore';

/**
 * The store for this environment: a local folder when LOCAL_STORE_DIR is set (the simulator), the
 * DynamoDB table named by USER_TABLE_NAME on Lambda, otherwise none (nothing is remembered, and
 * every answer is still given).
 */
export function persistenceFromEnvironment(env: NodeJS.ProcessEnv = process.env): UserStore | undefined {
  if (env.LOCAL_STORE_DIR) {
    // Loaded only when asked for: Lambda never needs the file store.
    const { FileAdapter } = require('./fileAdapter') as typeof import('./fileAdapter');
    return recordStore(new FileAdapter(env.LOCAL_STORE_DIR));
  }
  // The store loads its client itself, on the first request that reads or writes.
  if (env.USER_TABLE_NAME) return new DynamoAdapter({ tableName: env.USER_TABLE_NAME, env });
  return undefined;
}
