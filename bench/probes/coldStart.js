'use strict';
// One cold start, as Lambda does it in a fresh process: load the bundle, answer one request.
// Prints the time from before loading to the answer, in milliseconds. Usage: coldStart.js BUNDLE EVENT_JSON_FILE
const started = performance.now();
const { handler } = require(process.argv[2]);
const event = JSON.parse(require('node:fs').readFileSync(process.argv[3], 'utf8'));
handler(event, {}).then((envelope) => {
  // Read the clock before touching process.stdout: creating that stream costs a few milliseconds,
  // which belong to neither skill.
  const elapsed = performance.now() - started;
  if (!envelope || !envelope.response) throw new Error('no response');
  process.stdout.write(`${elapsed}\n`);
});
