import type { ErrorHandler } from 'ask-sdk-core';
import { respond } from './support/respond';

/** The last resort: no well-formed request should get here. Answer calmly and keep the session. */
export const errorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    console.error(JSON.stringify({ event: 'handler_error', name: error.name, message: error.message.slice(0, 200) }));
    return respond(input, { topic: null, lines: [{ key: 'error.calm' }], close: 'question' });
  },
};
