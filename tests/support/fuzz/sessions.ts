import fc from 'fast-check';
import { GUIDANCE, partKeysOf } from '../../../lambda/guidance';
import { TOPIC_IDS } from '../../../lambda/guidance/types';
import { MAX_SPOKEN_LINES, OFFERS } from '../../../lambda/handlers/support/state';
import enGB from '../../../lambda/locales/en-GB.json';
import { CANARY, markedJson, markedText } from './hostile';

/** Every sentence key of the locale file (what a real `conversation.last` can hold). */
function sentenceKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : typeof value === 'object' && value !== null ? sentenceKeys(value as Record<string, unknown>, `${prefix}${key}.`) : []);
}
const SENTENCE_KEYS = sentenceKeys(enGB.translation);
/** Keys whose words may be spoken: card-only text (with dates and section numbers) never is. */
const lookup = (key: string): string => String(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], enGB.translation));
const SPOKEN_KEYS = SENTENCE_KEYS.filter((key) => !/\d/.test(lookup(key).replace(/\{\{phone\.\d+\}\}/g, '')));
const GROUP_KEYS = ['offers', 'guidance', 'phones', 'launch', 'translation'];

const validLine = fc.constantFrom(...SPOKEN_KEYS).map((key) => ({ key }));

/** A conversation attribute the skill itself could have written. */
const validConversation = fc.record({
  topic: fc.constantFrom(null, ...TOPIC_IDS),
  rehearsal: fc.constant(null),
  entry: fc.constantFrom(null, ...GUIDANCE.map((e) => e.id)),
  page: fc.integer({ min: 0, max: 6 }),
  nation: fc.constantFrom(null, 'scotland', 'northern_ireland'),
  // Parts heard in another layout: keys of the skill's own parts (another entry's are read as none heard).
  heard: fc.subarray(GUIDANCE.flatMap((e) => [...partKeysOf(e)])),
  last: fc.option(fc.record({
    lines: fc.array(validLine, { minLength: 1, maxLength: MAX_SPOKEN_LINES }),
    cardTitleKey: fc.option(fc.constantFrom(...GUIDANCE.map((e) => e.titleKey)), { nil: undefined }),
    offer: fc.option(fc.constantFrom(...OFFERS), { nil: undefined }),
  }, { requiredKeys: ['lines'] }), { nil: null }),
});

/** A spoken answer broken in a way that must be noticed: every canary sits in a part to drop. */
const brokenLast: fc.Arbitrary<unknown> = fc.oneof(
  markedJson,
  fc.record({ lines: markedText }),
  fc.record({ lines: fc.array(fc.record({ key: markedText }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ lines: fc.constantFrom({ phone: CANARY }, { phone: { 999: CANARY } }).map((params) => [{ key: 'launch.welcome', params }]) }),
  fc.record({ lines: fc.tuple(validLine, markedText).map(([line, text]) => [{ ...line, params: { any: `${text}${'x'.repeat(201)}` } }]) }),
  fc.record({ lines: fc.constantFrom(...GROUP_KEYS).map((key) => [{ key }]) }),
  fc.record({ lines: fc.array(validLine, { minLength: 1, maxLength: 2 }), cardTitleKey: markedText, offer: markedText }),
  fc.record({ lines: fc.array(validLine, { minLength: MAX_SPOKEN_LINES + 1, maxLength: 60 }), offer: fc.constant(CANARY) }),
);

/** A value nested deeper than any the skill writes, deep enough to overflow a recursive copy. */
const deeplyNested: fc.Arbitrary<unknown> = fc.integer({ min: 40, max: 20000 }).map((depth) => {
  let value: unknown = CANARY;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? { a: value } : [value];
  return value;
});

/** A `conversation` attribute that is wrong in at least one field, with the canary in wrong fields. */
const brokenConversation: fc.Arbitrary<unknown> = fc.oneof(
  markedJson,
  deeplyNested,
  deeplyNested.map((deep) => ({ topic: 'overview', entry: 'overview', page: 0, nation: null, last: { lines: [{ key: 'launch.welcome', params: { deep } }] } })),
  fc.constantFrom(null, 0, true, [], 'conversation'),
  fc.record({
    topic: fc.oneof(markedText, fc.constantFrom(null, 42, 'overview')),
    rehearsal: markedJson,
    entry: fc.oneof(markedText, fc.constantFrom(null, 7, '__proto__', 'constructor', 'overview')),
    page: fc.constantFrom(-1, 2.5, 1e9, '1', null, [], Number.MAX_SAFE_INTEGER, 49, 50),
    nation: fc.oneof(markedText, fc.constantFrom('england_wales', 'SCOTLAND', 1)),
    heard: fc.oneof(markedJson, fc.array(markedText, { maxLength: 3 }), fc.constant([CANARY, 7, null])),
    last: brokenLast,
  }, { requiredKeys: [] }),
);

/** What a session's attributes can be: absent, the skill's own, broken, or not even an object. */
export type SessionAttributesCase =
  | { readonly kind: 'absent' }
  | { readonly kind: 'valid' | 'broken'; readonly value: unknown };

export const sessionAttributes: fc.Arbitrary<SessionAttributesCase> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'absent' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'valid' as const, value: {} }) },
  { weight: 4, arbitrary: validConversation.map((conversation) => ({ kind: 'valid' as const, value: { conversation } })) },
  {
    weight: 4,
    arbitrary: fc.record({
      conversation: fc.oneof(validConversation, brokenConversation),
      extra: fc.dictionary(fc.oneof(markedText, fc.constantFrom('__proto__', 'constructor', 'rehearsal', 'preferences')), fc.oneof(markedJson, deeplyNested), { maxKeys: 3 }),
      bulk: fc.option(fc.integer({ min: 1000, max: 40000 }).map((n) => `${CANARY}${'x'.repeat(n)}`), { nil: undefined }),
    }).map(({ conversation, extra, bulk }) => ({
      kind: 'broken' as const,
      value: { ...extra, conversation, ...(bulk ? { bulk } : {}) },
    })),
  },
  { weight: 2, arbitrary: brokenConversation.map((conversation) => ({ kind: 'broken' as const, value: { conversation } })) },
  { weight: 1, arbitrary: fc.oneof(markedText, fc.constantFrom(null, 0, 1, true, false), fc.array(markedText)).map((value) => ({ kind: 'broken' as const, value })) },
);
