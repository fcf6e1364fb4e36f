import type { PersistenceAdapter } from 'ask-sdk-core';

/**
 * The store for this environment: a local folder when LOCAL_STORE_DIR is set (the simulator),
 * otherwise none. (DynamoDB on Lambda is wired here by the persistence work.)
 */
export function persistenceFromEnvironment(env: NodeJS.ProcessEnv = process.env): PersistenceAdapter | undefined {
  if (env.LOCAL_STORE_DIR) {
    // Loaded only when asked for: Lambda never needs the file store.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FileAdapter } = require('./fileAdapter') as typeof import('./fileAdapter');
    return new FileAdapter(env.LOCAL_STORE_DIR);
  }
  return undefined;
}
