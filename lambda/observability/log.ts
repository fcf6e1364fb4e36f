import { writeSync } from 'node:fs';

/**
 * Structured logs: one JSON object per line on standard error, so standard output stays free for the
 * simulator's batch contract and CloudWatch can parse every line. Callers pass only fields that carry
 * no personal data (no user or session ids, no slot values, nothing the user said).
 */
export type LogSink = (line: string) => void;

// Straight to fd 2: building process.stderr costs a share of the cold launch, with a store and more without one (docs/benchmark.md).
// Should fd 2 refuse a line (a full non-blocking pipe), the stream takes it and every line after it, in order.
let throughStream = false;
export const writeToStandardError: LogSink = (line) => {
  const text = `${line}\n`;
  if (!throughStream) {
    try {
      writeSync(2, text);
      return;
    } catch {
      throughStream = true;
    }
  }
  process.stderr.write(text);
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
