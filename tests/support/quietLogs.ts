// The skill logs one line per request on standard error; in tests those lines would bury jest's
// report. Tests that check the log set their own sink (or read standard error of a child process).
import { setLogSink } from '../../lambda/observability/log';

setLogSink(() => undefined);
