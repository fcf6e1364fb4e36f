/**
 * Structured logs: one JSON object per line on standard error, so standard output stays free for the
 * simulator's batch contract and CloudWatch can parse every line. Callers pass only fields that carry
 * no personal data (no user or session ids, no slot values, nothing the user said).
 */
export type LogSink = (line: string) => void;

export const writeToStandardError: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

let sink: LogSink = writeToStandardError;

/** Replaces where log lines go (tests silence or collect them); returns the previous sink. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

/** Writes one line; logging must never be the reason a request fails, so any failure is swallowed. */
export function logLine(fields: Readonly<Record<string, unknown>>): void {
  try {
    sink(JSON.stringify(fields));
  } catch {
    // Nothing sensible to do: a broken log sink must not break the answer.
  }
}
