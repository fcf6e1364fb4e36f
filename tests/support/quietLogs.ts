// The skill logs one line per request on standard error; in tests those lines would bury jest's
// report. Tests that check the log set their own sink (or read standard error of a child process).
import { setLogSink } from '../../lambda/observability/log';

setLogSink(() => undefined);

/** Collects the skill's log lines until `restore` is called (then they are silenced again). */
export function captureLogs(): { readonly lines: string[]; text(): string; restore(): void } {
  const lines: string[] = [];
  const previous = setLogSink((line) => lines.push(line));
  return { lines, text: () => lines.join('\n'), restore: () => void setLogSink(previous) };
}
