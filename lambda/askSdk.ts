import askSdkCore = require('ask-sdk-core');

/**
 * The ASK SDK's run-time functions, taken from the package here and only here. ask-sdk-core is
 * CommonJS: an ES import of it makes the bundler copy every one of its exports into a wrapper, once
 * for each importing file, on every cold start. A plain require in one place does no copying. Types
 * still come straight from 'ask-sdk-core' with `import type`, which costs nothing at run time.
 */
export const { getIntentName, getRequestType, getSlot, SkillBuilders } = askSdkCore;
