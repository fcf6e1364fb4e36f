import { publishingUrlProblems } from '../build/publishingUrls';
import { builtInsCheck } from './builtIns';
import type { Check, Submission } from './context';
import { deadEndCheck } from './deadEnds';
import { examplePhrasesCheck } from './examplePhrases';
import { iconCheck } from './icons';
import { invocationNameCheck } from './invocationName';
import { manifestCheck } from './manifest';
import { sampleCheck, slotTypeCheck } from './samples';

export { submissionIn, type Check, type Submission } from './context';

/** What certification would reject that can be checked offline, before submission. */
export const OFFLINE_CHECKS: readonly Check[] = [
  invocationNameCheck, manifestCheck, sampleCheck, slotTypeCheck, iconCheck, examplePhrasesCheck, builtInsCheck, deadEndCheck,
];

/** Only when certifying: the two addresses certification needs (not fetched; offline). */
export const URL_CHECK: Check = {
  name: 'privacy policy and terms of use: public https addresses, given',
  run: (submission: Submission) => publishingUrlProblems(submission.urls, true),
};

export interface CheckResult { readonly name: string; readonly problems: readonly string[] }

export async function runChecks(submission: Submission, checks: readonly Check[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push({ name: check.name, problems: await check.run(submission) });
  return results;
}

/** What `npm run certify` prints: each check with its problems under it, then the verdict. */
export function reportLines(results: readonly CheckResult[], certification: boolean): string[] {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.problems.length === 0 ? 'pass' : 'FAIL'}  ${result.name}`);
    for (const problem of result.problems) lines.push(`      ${problem}`);
  }
  const failed = results.filter((result) => result.problems.length > 0).length;
  lines.push('', failed === 0 ? `All ${results.length} checks pass.` : `${failed} of ${results.length} checks fail.`);
  if (!certification) lines.push('The publishing addresses are checked with: npm run certify -- --certification');
  return lines;
}
