import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { guarded } from './untrustedEvent';
import { persistenceFromEnvironment } from './persistence';
import { buildSkill } from './skill';

/** The skill as this environment configures it: SKILL_ID, and where user data is kept. */
export function skillFromEnvironment(env: NodeJS.ProcessEnv = process.env): Skill {
  return guarded(buildSkill({ skillId: env.SKILL_ID || undefined, persistenceAdapter: persistenceFromEnvironment(env) }));
}

// Built once per cold start; every warm request reuses it.
const skill = skillFromEnvironment();

/**
 * The Lambda entry: two arguments, a promise back (the Node.js 22 and 24 runtimes' style). Every
 * event is answered, even one that is no request at all, except that with SKILL_ID set a request
 * for another skill (or with no skill id) is refused: the promise rejects.
 */
export const handler = async (event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
