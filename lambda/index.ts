import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { persistenceFromEnvironment } from './persistence';
import { buildSkill } from './skill';

// Built once per cold start; every warm request reuses it.
const skill = buildSkill({ skillId: process.env.SKILL_ID || undefined, persistenceAdapter: persistenceFromEnvironment() });

/** The Lambda entry: two arguments, a promise back (the Node.js 22 and 24 runtimes' style). */
export const handler = async (event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
