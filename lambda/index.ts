import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { persistenceFromEnvironment } from './persistence';
import { buildSkill } from './skill';

/** The skill as this environment configures it: SKILL_ID, and where user data is kept. */
export function skillFromEnvironment(env: NodeJS.ProcessEnv = process.env): Skill {
  return buildSkill({ skillId: env.SKILL_ID || undefined, persistenceAdapter: persistenceFromEnvironment(env) });
}

// Built once per cold start; every warm request reuses it.
const skill = skillFromEnvironment();

/** The Lambda entry: two arguments, a promise back (the Node.js 22 and 24 runtimes' style). */
export const handler = async (event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> =>
  skill.invoke(asEnvelope(event), context);

/**
 * Whatever arrives is handed to the skill as an object, so that even an event that is no request
 * at all (null, a string) gets the calm answer rather than an exception. With SKILL_ID set, such
 * an event carries no skill id and is refused like any request for another skill.
 */
function asEnvelope(event: unknown): RequestEnvelope {
  return (typeof event === 'object' && event !== null && !Array.isArray(event) ? event : {}) as RequestEnvelope;
}
