import { isRecord } from '../util/isRecord';

/** DynamoDB's typed JSON for one value ({ S: 'x' }, { N: '80' }, { L: [...] }, ...). */
export type AttributeValue = Record<string, unknown>;

const MAX_DEPTH = 8;

/**
 * A stored value as plain JSON; throws on anything the skill could not have written (a number
 * JavaScript cannot hold exactly, binary data, nesting deeper than the skill ever writes), so the
 * caller drops that one field rather than the whole item.
 */
export function toPlain(value: unknown, depth = 0): unknown {
  if (!isRecord(value) || depth > MAX_DEPTH) throw new TypeError('not a stored value');
  if (typeof value.S === 'string') return value.S;
  if (typeof value.N === 'string') {
    const n = Number(value.N);
    if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) throw new RangeError('number out of range');
    return n;
  }
  if (typeof value.BOOL === 'boolean') return value.BOOL;
  if (value.NULL === true) return null;
  if (Array.isArray(value.SS)) return value.SS.filter((s): s is string => typeof s === 'string');
  if (Array.isArray(value.L)) return value.L.map((item) => toPlain(item, depth + 1));
  if (isRecord(value.M)) return Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, toPlain(v, depth + 1)]));
  throw new TypeError('not a stored value');
}

/** A plain JSON value (already validated by its field) as DynamoDB's typed JSON. */
export function toAttribute(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null || value === undefined) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(toAttribute) };
  return { M: Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toAttribute(v)])) };
}

/** A stored number, or undefined when the attribute is missing, not a number, or out of range. */
export function numberOf(value: unknown): number | undefined {
  try {
    const plain = toPlain(value);
    return typeof plain === 'number' ? plain : undefined;
  } catch {
    return undefined;
  }
}
