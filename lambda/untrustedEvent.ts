import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { OWNED_SESSION_ATTRIBUTES } from './handlers/support/session';
import { isRecord } from './util/isRecord';

/** Deeper than anything the skill writes (conversation > last > lines > line > params is five). */
const MAX_ATTRIBUTE_DEPTH = 32;


/** True when the value nests no deeper than the limit; iterative, so no depth can overflow the stack. */
function shallowEnough(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_ATTRIBUTE_DEPTH) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

/**
 * Whatever arrives, as an envelope the SDK can take. An event that is not an object becomes an empty
 * one (so it gets the calm answer, or is refused when SKILL_ID is set). Session attributes are cut
 * to the skill's own before the SDK copies them (it does so recursively, before any handler runs, and
 * a deeply nested attribute would overflow the stack); handlers check what is left.
 */
function asEnvelope(event: unknown): RequestEnvelope {
  if (!isRecord(event)) return {} as RequestEnvelope;
  const session = event.session;
  if (!isRecord(session) || !isRecord(session.attributes)) return event as unknown as RequestEnvelope;
  const attributes: Record<string, unknown> = {};
  for (const name of OWNED_SESSION_ATTRIBUTES) {
    const value = session.attributes[name];
    if (Object.prototype.hasOwnProperty.call(session.attributes, name) && shallowEnough(value)) attributes[name] = value;
  }
  return { ...event, session: { ...session, attributes } } as unknown as RequestEnvelope;
}

/** The skill, taking every request through asEnvelope: the Lambda entry and the web service use it. */
export function guarded(skill: Skill): Skill {
  return Object.assign(Object.create(skill) as Skill, {
    invoke: (event: RequestEnvelope, context?: unknown) => skill.invoke(asEnvelope(event), context),
  });
}
