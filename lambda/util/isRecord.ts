/** A plain object (not null, not an array): what untrusted input must be before its fields are read. */
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
