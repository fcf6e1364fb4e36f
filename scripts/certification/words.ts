/** Words Amazon reserves, as its invocation name and sample rules list them. */

/** Wake words, and words that name Amazon's products: never in an invocation name or a sample. */
export const WAKE_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'ziggy'];

/** The phrases that launch a skill ("Alexa, ask ... "): never in an invocation name. */
export const LAUNCH_WORDS = ['ask', 'begin', 'enable', 'launch', 'load', 'open', 'play', 'resume', 'run', 'start', 'talk', 'tell', 'use'];

/** Words that join a launch phrase to a request ("ask X to ..."): never in an invocation name. */
export const CONNECTING_WORDS = ['to', 'from', 'in', 'using', 'with', 'about', 'for', 'that', 'by', 'if', 'and', 'whether'];

/** Not allowed in an invocation name at all. */
export const GENERIC_WORDS = ['skill', 'app'];

/**
 * Names the skill must not borrow: it is independent, and a name that sounds like a force or a
 * public body would tell a frightened user otherwise.
 */
export const BORROWED_NAMES = ['police', 'met', 'npcc', 'home office', 'official', 'gov', 'government', 'iopc', 'constabulary'];

/** The words of a phrase, lower case, without punctuation but apostrophes. */
export const wordsOf = (phrase: string): string[] => phrase.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);

/** Whether `phrase` contains `name` (one word or several) as whole words. */
export const containsWords = (phrase: string, name: string): boolean => ` ${wordsOf(phrase).join(' ')} `.includes(` ${wordsOf(name).join(' ')} `);
