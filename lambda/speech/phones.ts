/**
 * Phone numbers the skill mentions. Locale sentences write them as {{phone.999}}; speech renders each
 * as the words people in the UK say (a <sub> alias), cards keep the digits.
 */
const PHONE_NUMBERS = ['999', '101', '112', '55', '18000', '18001'] as const;
export type PhoneNumber = (typeof PHONE_NUMBERS)[number];

// Private-use characters mark a number inside a translated sentence until the channel is chosen;
// they cannot come from the locale file or from a user.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKED = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/** The interpolation value the numbers sit under: {{phone.999}}. */
export const PHONE_VALUE_NAME = 'phone';

/**
 * Interpolation values that mark every phone number for later rendering. The numbers sit one level
 * down, under `phone`, not as top-level values named "999": i18next copies its options object
 * several times a call, and names that are array indices made each copy an array a thousand (or
 * eighteen thousand) slots long, some 70 KB a sentence, enough to force a garbage collection into
 * every cold start.
 */
export const PHONE_MARKERS: Readonly<{ phone: Readonly<Record<PhoneNumber, string>> }> = Object.freeze({
  [PHONE_VALUE_NAME]: Object.freeze(Object.fromEntries(PHONE_NUMBERS.map((n) => [n, `${OPEN}${n}${CLOSE}`])) as Record<PhoneNumber, string>),
});

/** Replaces each marked number using `render(digits)`. */
export function replaceMarkedNumbers(text: string, render: (digits: string) => string): string {
  return text.replace(MARKED, (_, digits: string) => render(digits));
}

/** Removes stray markers (defensive: a marker must never reach Alexa). */
export function stripMarkers(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}
