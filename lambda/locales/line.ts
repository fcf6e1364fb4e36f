/** One sentence (or short group) to say: a locale key and the values it interpolates. */
export interface Line {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
