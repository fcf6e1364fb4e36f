import type { Check, Json, Submission } from './context';
import { publishedLocales } from './context';

/** Amazon's limits on the store listing, per locale, in characters (examplePhrases and keywords: in entries). */
const LISTING_LIMITS = { name: 50, summary: 160, description: 4000, examplePhrases: 3, keywords: 30, testingInstructions: 4000 } as const;

const PRIVACY_ANSWERS = ['allowsPurchases', 'usesPersonalInfo', 'isChildDirected', 'isExportCompliant', 'containsAds', 'usesHealthInfo'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

function lengthProblem(field: string, value: unknown, limit: number): string[] {
  const found = text(value);
  if (found === undefined) return [`${field} is missing`];
  return found.length > limit ? [`${field} is ${found.length} characters, over ${limit}`] : [];
}

/** What is wrong with the manifest's store listing and the answers certification asks for. */
export function manifestProblems(skillJson: Json): string[] {
  const manifest = (skillJson.manifest ?? {}) as Json;
  const publishing = (manifest.publishingInformation ?? {}) as Json;
  const problems: string[] = [];
  const locales = Object.entries(publishedLocales(skillJson));
  if (locales.length === 0) problems.push('publishingInformation.locales names no locale');
  for (const [locale, info] of locales) {
    problems.push(...lengthProblem(`${locale} name`, info.name, LISTING_LIMITS.name));
    if (text(info.name) && (info.name as string).trim().length < 2) problems.push(`${locale} name is shorter than 2 characters`);
    problems.push(...lengthProblem(`${locale} summary`, info.summary, LISTING_LIMITS.summary));
    problems.push(...lengthProblem(`${locale} description`, info.description, LISTING_LIMITS.description));
    const phrases = Array.isArray(info.examplePhrases) ? info.examplePhrases : [];
    if (phrases.length < 1 || phrases.length > LISTING_LIMITS.examplePhrases) {
      problems.push(`${locale} examplePhrases: ${phrases.length}, needs 1 to ${LISTING_LIMITS.examplePhrases}`);
    }
    const keywords = Array.isArray(info.keywords) ? info.keywords : [];
    if (keywords.length > LISTING_LIMITS.keywords) problems.push(`${locale} keywords: ${keywords.length}, over ${LISTING_LIMITS.keywords}`);
    if (keywords.some((keyword) => !text(keyword))) problems.push(`${locale} keywords: an empty keyword`);
    if (new Set(keywords.map((keyword) => String(keyword).toLowerCase())).size !== keywords.length) problems.push(`${locale} keywords: one listed twice`);
  }
  if (!/^[A-Z][A-Z_]+$/.test(String(publishing.category ?? ''))) problems.push(`category is missing or not one of Amazon's (such as EDUCATION_AND_REFERENCE): ${String(publishing.category)}`);
  problems.push(...lengthProblem('testingInstructions', publishing.testingInstructions, LISTING_LIMITS.testingInstructions));
  const countries = Array.isArray(publishing.distributionCountries) ? publishing.distributionCountries : [];
  if (publishing.isAvailableWorldwide !== true && countries.length === 0) problems.push('neither available worldwide nor in any distributionCountries');
  const privacy = (manifest.privacyAndCompliance ?? {}) as Json;
  for (const answer of PRIVACY_ANSWERS) {
    if (typeof privacy[answer] !== 'boolean') problems.push(`privacyAndCompliance.${answer} is not answered (true or false)`);
  }
  if (!((manifest.apis as Json | undefined)?.custom)) problems.push('apis.custom is missing');
  if (manifest.manifestVersion !== '1.0') problems.push(`manifestVersion is ${String(manifest.manifestVersion)}, not 1.0`);
  return problems;
}

export const manifestCheck: Check = {
  name: 'manifest: name, summary (160), description (4000), example phrases (3), keywords, category, privacy answers',
  run: (submission: Submission) => manifestProblems(submission.manifest),
};
