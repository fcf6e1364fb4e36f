/**
 * The rule of ../shared/eval/danger-first.js, in the repository so tests and the navigation scorer
 * need nothing outside it: the number of words spoken before 999 begins ("999" or "nine nine
 * nine"), words split on anything but letters, digits and apostrophes. 999 comes first when at most
 * 7 words stand before it.
 */
export function wordsBefore999(speech: string): number {
  const words = speech.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[^a-z0-9' ]/g, ' ').split(' ').filter(Boolean);
  const at = words.findIndex((w, k) => /999/.test(w) || (w === 'nine' && words[k + 1] === 'nine' && words[k + 2] === 'nine'));
  return at < 0 ? Infinity : at;
}

export const saysDangerFirst = (speech: string): boolean => wordsBefore999(speech) <= 7;
