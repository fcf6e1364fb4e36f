/**
 * Makes typed text look like what a speech recogniser hands Alexa's NLU: lower case, no punctuation
 * but apostrophes, digits spoken one by one (people say "nine nine nine", "one oh one").
 */
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export function speakDigits(digits: string): string {
  // "101" is said "one oh one"; a zero inside a phone number is "oh".
  return digits.split('').map((d, i) => (d === '0' && i > 0 ? 'oh' : DIGIT_WORDS[Number(d)])).join(' ');
}

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\d+/g, (d) => ` ${speakDigits(d)} `)
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s'|'\s|^'|'$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
