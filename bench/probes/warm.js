'use strict';
// Warm latency: one process loads the bundle, answers WARMUP requests unmeasured, then times
// COUNT requests one by one. Prints the per-request times (ms) as a JSON array.
// Usage: warm.js BUNDLE EVENTS_JSON_FILE WARMUP COUNT
const { handler } = require(process.argv[2]);
const events = JSON.parse(require('node:fs').readFileSync(process.argv[3], 'utf8'));
const warmup = Number(process.argv[4]);
const count = Number(process.argv[5]);
(async () => {
  for (let i = 0; i < warmup; i++) await handler(events[i % events.length], {});
  const times = new Array(count);
  for (let i = 0; i < count; i++) {
    const event = events[i % events.length];
    const started = performance.now();
    const envelope = await handler(event, {});
    times[i] = performance.now() - started;
    if (!envelope.response) throw new Error('no response');
  }
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
})();
