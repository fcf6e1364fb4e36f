import fc from 'fast-check';

/**
 * Marks text that comes from a user or from a broken session. Whatever the skill answers, this token
 * must never appear in it, nor in its log: the skill never repeats what it was sent.
 */
export const CANARY = 'ZqxCanary';

/** Text built to break SSML, XML, i18next or JSON if it were ever passed through unescaped. */
const NASTY = [
  '<speak>', '</speak>', '<audio src="https://example.invalid/a.mp3"/>', '<break time="10s"/>', ']]>', '<!--', '-->',
  '&', '&amp;', '&#0;', '&lt;script&gt;', '"', "'", '{{phone.999}}', '{{999}}', '{{user}}', 'phone', '$t(launch.welcome)', '__proto__', 'constructor',
  '\u0000', '\u0007', '\u001b[31m', '\r\n', '\t', '\uFEFF', '\u202E', '\u200B', '\uE000999\uE001', '\uE001', '\uFFFF',
  '\uD800', '\uDFFF', '👮‍♀️', 'Zalgo z̷̢̛̩a̴l̵g̸o', 'ﬁ', 'İ', 'ß', '١٢٣', '999', '112', '0', '-1', 'NaN', 'null', 'true',
  'launch.welcome', 'offers', 'translation', 'phones.999', '%s%n%x', '${process.exit()}', "'); DROP TABLE users;--",
];

/** One nasty fragment, or random text in any Unicode (lone surrogates included), or nothing. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);

/** Text a hostile or broken client could send: short, empty, odd Unicode, or very long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc.tuple(fragment, fc.integer({ min: 1000, max: 20000 })).map(([part, length]) => {
      const unit = part || '<&>';
      // Repeated only as often as `length` needs, not `length` times over before the cut.
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    }),
  },
);

/** Hostile text with the canary inside, so its reappearance anywhere can be seen. */
export const markedText: fc.Arbitrary<string> = fc.tuple(hostileText, hostileText).map(([a, b]) => `${a.slice(0, 2000)}${CANARY}${b.slice(0, 2000)}`);

/** Any JSON value, with the canary in its strings. */
export const markedJson: fc.Arbitrary<unknown> = fc.oneof(
  markedText,
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ [CANARY]: value, nested: [CANARY] })),
  fc.array(markedText, { maxLength: 3 }),
);
