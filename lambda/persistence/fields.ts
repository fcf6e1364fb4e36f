import { MOVE_IDS } from '../rehearsal/moves';
import { SCENES } from '../rehearsal/scenes';
import { readSceneProgress } from '../rehearsal/progress';
import { isRecord } from '../util/isRecord';
import { NORMAL_RATE, SPEECH_RATES, STORED_NATIONS } from './preferences';

/**
 * What is stored about a user, field by field. Each field is read, validated and written on its own,
 * so one odd value costs only itself, and a write touches only the fields that changed.
 *
 * A field's value is kept only when it differs from the default (nothing worth keeping otherwise):
 * `read` gives undefined for anything invalid or default. Handlers see the fields grouped in parts
 * ('preferences', 'rehearsal'), the shape user data had before fields existed.
 */
export type FieldName = 'rate' | 'answers' | 'nation' | 'scenesDone' | 'missed' | 'unfinished';

/** Validated values, one per field; a field left out holds its default. */
export type Fields = Partial<Record<FieldName, unknown>>;

/**
 * A change to some fields: a value to set, null to go back to the default, and for a 'union' field
 * (scenes done) the values to add. Fields left out are not touched.
 */
export type FieldChange = Partial<Record<FieldName, unknown>>;

export interface FieldSpec {
  readonly name: FieldName;
  /** The part of user data it belongs to, and its name there. */
  readonly part: 'preferences' | 'rehearsal';
  readonly key: string;
  /**
   * 'latest': the last change wins (ordered by when it was made). 'union': values are only ever
   * added, so changes from two devices simply add up.
   */
  readonly merge: 'latest' | 'union';
  readonly read: (raw: unknown) => unknown;
}

/** Valid, distinct members of an allowed list: at most as many as the list, whatever was stored. */
function membersOf(allowed: readonly string[]) {
  return (raw: unknown): string[] | undefined => {
    if (!Array.isArray(raw)) return undefined;
    const kept = allowed.filter((id) => raw.includes(id));
    return kept.length ? kept : undefined;
  };
}

/** Like membersOf, but keeps the stored order (the moves missed are most important first). */
function orderedMembersOf(allowed: readonly string[]) {
  return (raw: unknown): string[] | undefined => {
    if (!Array.isArray(raw)) return undefined;
    const kept = [...new Set(raw.slice(0, 1000).filter((id): id is string => allowed.includes(id as string)))];
    return kept.length ? kept : undefined;
  };
}

const oneOf = (allowed: readonly unknown[], fallback?: unknown) => (raw: unknown) =>
  (allowed.includes(raw) && raw !== fallback ? raw : undefined);

export const FIELDS: readonly FieldSpec[] = [
  { name: 'rate', part: 'preferences', key: 'ratePercent', merge: 'latest', read: oneOf(SPEECH_RATES, NORMAL_RATE) },
  { name: 'answers', part: 'preferences', key: 'answers', merge: 'latest', read: oneOf(['short']) },
  { name: 'nation', part: 'preferences', key: 'nation', merge: 'latest', read: oneOf(STORED_NATIONS) },
  { name: 'scenesDone', part: 'rehearsal', key: 'scenesDone', merge: 'union', read: membersOf(SCENES.map((scene) => scene.id)) },
  { name: 'missed', part: 'rehearsal', key: 'missed', merge: 'latest', read: orderedMembersOf(MOVE_IDS) },
  { name: 'unfinished', part: 'rehearsal', key: 'unfinished', merge: 'latest', read: (raw) => readSceneProgress(raw) ?? undefined },
];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every field read from a record of parts (the session's copy, or a record store's item). */
export function fieldsOfParts(parts: unknown): Fields {
  const fields: Fields = {};
  if (!isRecord(parts)) return fields;
  for (const spec of FIELDS) {
    const part = parts[spec.part];
    const value = isRecord(part) ? spec.read(part[spec.key]) : undefined;
    if (value !== undefined) fields[spec.name] = value;
  }
  return fields;
}

/** The fields as parts: { preferences: {...}, rehearsal: {...} }, each part only when it holds something. */
export function partsOf(fields: Fields): Record<string, Record<string, unknown>> {
  const parts: Record<string, Record<string, unknown>> = {};
  for (const spec of FIELDS) {
    const value = fields[spec.name];
    if (value !== undefined) (parts[spec.part] ??= {})[spec.key] = value;
  }
  return parts;
}

/**
 * What writing `value` as the whole of `part` changes, against the fields as they were: only the
 * fields that differ. A union field gives only what it adds (a finished scene is never un-finished).
 */
export function changeOfPart(part: string, value: unknown, before: Fields): FieldChange {
  const change: FieldChange = {};
  const record = isRecord(value) ? value : {};
  for (const spec of FIELDS) {
    if (spec.part !== part) continue;
    const next = spec.read(record[spec.key]);
    const previous = before[spec.name];
    if (spec.merge === 'union') {
      const added = ((next as string[] | undefined) ?? []).filter((x) => !((previous as string[] | undefined) ?? []).includes(x));
      if (added.length) change[spec.name] = added;
    } else if (!same(next, previous)) {
      change[spec.name] = next ?? null;
    }
  }
  return change;
}

/** The fields after a change. */
export function applyChange(fields: Fields, change: FieldChange): Fields {
  const next: Fields = { ...fields };
  for (const spec of FIELDS) {
    if (!(spec.name in change)) continue;
    const value = change[spec.name];
    if (spec.merge === 'union') next[spec.name] = spec.read([...((fields[spec.name] as unknown[] | undefined) ?? []), ...(value as unknown[])]);
    else next[spec.name] = value === null ? undefined : spec.read(value);
    if (next[spec.name] === undefined) delete next[spec.name];
  }
  return next;
}

export const specOf = (name: FieldName): FieldSpec => FIELDS.find((spec) => spec.name === name) as FieldSpec;
