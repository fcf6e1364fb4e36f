/**
 * Makes typed text look like what a speech recogniser hands Alexa's NLU: lower case, no punctuation
 * but apostrophes, digits spoken one by one (people say "nine nine nine", "one oh one"), and
 * contractions spelt with their apostrophe, as a recogniser writes them ("wont" is "won't").
 */
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export function speakDigits(digits: string): string {
  // "101" is said "one oh one"; a zero inside a phone number is "oh".
  return digits.split('').map((d, i) => (d === '0' && i > 0 ? 'oh' : DIGIT_WORDS[Number(d)])).join(' ');
}

// Only forms too rare as words of their own to be meant ("ill", "id", "lets", "were", "well" are left alone).
const CONTRACTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  ["don't", "won't", "can't", "i'm", "i've", "isn't", "aren't", "wasn't", "doesn't", "didn't", "hasn't", "haven't",
    "couldn't", "wouldn't", "shouldn't", "he's", "she's", "that's", "what's", "there's", "you're", "they're"]
    .map((form) => [form.replace("'", ''), form]),
);

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\d+/g, (d) => ` ${speakDigits(d)} `)
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s'|'\s|^'|'$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[a-z']+/g, (word) => CONTRACTIONS[word] ?? word);
}
