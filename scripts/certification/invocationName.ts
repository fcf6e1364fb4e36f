import type { Check, Submission } from './context';
import { publishedLocales } from './context';
import { BORROWED_NAMES, CONNECTING_WORDS, containsWords, GENERIC_WORDS, LAUNCH_WORDS, WAKE_WORDS, wordsOf } from './words';

/** What is wrong with an invocation name, by Amazon's rules and ours. */
export function invocationNameProblems(name: string, displayName: string | undefined): string[] {
  const problems: string[] = [];
  const words = wordsOf(name);
  if (!/^[a-z][a-z' .]*[a-z.]$/.test(name)) problems.push(`"${name}": only lower-case letters, spaces, apostrophes and periods`);
  if (words.length < 2) problems.push(`"${name}": needs two or more words`);
  if (name.length > 50) problems.push(`"${name}": longer than 50 characters`);
  for (const [kind, list] of [['a wake word', WAKE_WORDS], ['a launch phrase', LAUNCH_WORDS], ['a connecting word', CONNECTING_WORDS], ['a generic word', GENERIC_WORDS], ['a name the skill must not borrow', BORROWED_NAMES]] as const) {
    for (const word of list) if (containsWords(name, word)) problems.push(`"${name}": contains ${kind}, "${word}"`);
  }
  if (displayName !== undefined && wordsOf(displayName).join(' ') !== words.join(' ')) {
    problems.push(`"${name}": not the skill's name, "${displayName}", as users will read it in the Alexa app`);
  }
  return problems;
}

export const invocationNameCheck: Check = {
  name: 'invocation name: two or more words, lower case, no wake word, launch phrase, brand or "alexa"',
  run: (submission: Submission) => Object.entries(submission.languageModels).flatMap(([locale, model]) => {
    const displayName = publishedLocales(submission.manifest)[locale]?.name;
    return invocationNameProblems(model.invocationName, typeof displayName === 'string' ? displayName : undefined).map((problem) => `${locale}: ${problem}`);
  }),
};
