import { isRecord } from '../util/isRecord';
import { fieldsOfParts, partsOf, type Fields } from './fields';
import type { Version } from './userStore';

/**
 * The session's copy of what is stored: read once when the session starts, then kept up to date
 * with the session's own changes, so later turns need no read. `known` is false when the read
 * failed (the session then runs on defaults); `closed` once the data was deleted from elsewhere
 * (nothing this session holds may be written back).
 */
export interface SessionCopy {
  readonly fields: Fields;
  readonly version: Version;
  readonly known: boolean;
  readonly closed?: boolean;
  /** A save failed in this session; `told` once the user has heard so. */
  readonly unsaved?: boolean;
  readonly told?: boolean;
}

/** As kept in session attributes: the fields grouped in parts, plain JSON. */
export function sessionCopyAttribute(copy: SessionCopy): Record<string, unknown> {
  const flags = (['closed', 'unsaved', 'told'] as const).filter((flag) => copy[flag]);
  return { parts: partsOf(copy.fields), version: copy.version, known: copy.known, ...Object.fromEntries(flags.map((flag) => [flag, true])) };
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** Reads a session's copy back, every field validated; anything malformed reads as none (undefined). */
export function readSessionCopy(raw: unknown): SessionCopy | undefined {
  if (!isRecord(raw) || !isRecord(raw.version) || typeof raw.known !== 'boolean') return undefined;
  const { generation, expiredAt, legacy } = raw.version;
  if (generation !== null && !isCount(generation)) return undefined;
  const version: Version = {
    generation,
    ...(typeof expiredAt === 'string' && /^\d{1,20}$/.test(expiredAt) ? { expiredAt } : {}),
    ...(legacy === true ? { legacy: true } : {}),
  };
  const flags = (['closed', 'unsaved', 'told'] as const).filter((flag) => raw[flag] === true);
  return { fields: fieldsOfParts(raw.parts), version, known: raw.known, ...Object.fromEntries(flags.map((flag) => [flag, true])) };
}

/** The reader for the session attribute: the copy, validated, in its attribute form. */
export function readSessionCopyAttribute(raw: unknown): Record<string, unknown> | undefined {
  const copy = readSessionCopy(raw);
  return copy && sessionCopyAttribute(copy);
}
