'use strict';
// One cold launch, as Lambda does it in a fresh process: load the bundle, answer one request.
// Prints the milliseconds from the process's start to the answer, then exits at once (open store
// sockets would otherwise keep it alive). Exits 1 when the spoken answer does not match EXPECTED.
// Usage: coldStart.js BUNDLE EVENT_JSON_FILE EXPECTED_REGEX
const { handler } = require(process.argv[2]);
const event = JSON.parse(require('node:fs').readFileSync(process.argv[3], 'utf8'));
const expected = new RegExp(process.argv[4]);
handler(event, {}).then((envelope) => {
  // Read the clock before touching process.stdout: creating that stream costs a few milliseconds.
  const elapsed = performance.now();
  const speech = envelope && envelope.response && envelope.response.outputSpeech;
  if (!speech || !expected.test(speech.ssml)) {
    process.stderr.write(`unexpected answer: ${JSON.stringify(envelope)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${elapsed}\n`);
  process.exit(0);
}, (error) => {
  process.stderr.write(`${error && error.stack}\n`);
  process.exit(1);
});
