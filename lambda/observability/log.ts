// A plain require: an ES default import of a built-in makes the bundler copy all of its exports into
// a wrapper at start-up.
import fs = require('node:fs');

/**
 * Structured logs: one JSON object per line on standard error, so standard output stays free for the
 * simulator's batch contract and CloudWatch can parse every line. Callers pass only fields that carry
 * no personal data (no user or session ids, no slot values, nothing the user said).
 */
export type LogSink = (line: string) => void;

// Straight to file descriptor 2 (fs looked up at each call, so a test harness can watch it): the bytes
// process.stderr would write, without building that stream and the stream modules it loads on a cold
// start's first request, a share of the cold launch without a store that the bench shows. Should the
// descriptor refuse a line (a full non-blocking pipe), the stream takes it and every line after it, in order.
let throughStream = false;
export const writeToStandardError: LogSink = (line) => {
  const text = `${line}\n`;
  if (!throughStream) {
    try {
      fs.writeSync(2, text);
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
