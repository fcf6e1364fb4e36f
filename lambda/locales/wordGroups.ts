/**
 * The locale's biggest groups of words: the guidance and the role play, most of the file. The Lambda
 * bundle keeps them out of index.js, in files of their own beside it (en-GB.guidance.json...), read
 * the first time a sentence from the group is needed: compiling them into index.js slowed every cold
 * start, and a launch uses none of them. In the source tree the whole locale file is loaded at once,
 * so nothing is read.
 */
export const SEPARATE_WORD_GROUPS: readonly string[] = ['guidance', 'rehearsal'];

/** The file, beside the bundle's index.js, that holds one locale's group of words. */
export const wordGroupFile = (locale: string, group: string): string => `${locale}.${group}.json`;
