/**
 * `npm run certify`: what Amazon's certification would reject that can be checked offline: the
 * invocation name, the manifest, samples and slot types, the icons, the example phrases and their
 * one-shot form, help, stop, cancel and fallback (also mid-rehearsal), and no dead end, by talking
 * to the skill through the simulator's pieces. `-- --certification` adds the two publishing
 * addresses (PRIVACY_POLICY_URL and TERMS_OF_USE_URL, or their flags, as for the skill package).
 * `npm test` runs the same checks but the addresses, and reads the same report (tests/certify.test.ts).
 */
import { OFFLINE_CHECKS, reportLines, runChecks, submissionIn, URL_CHECK } from './certification';
import { packageOptionsFrom, PROJECT_ROOT } from './skill-package';

async function main(): Promise<void> {
  const options = packageOptionsFrom(process.argv.slice(2), process.env);
  const checks = options.certification ? [...OFFLINE_CHECKS, URL_CHECK] : OFFLINE_CHECKS;
  const results = await runChecks(submissionIn(PROJECT_ROOT, options.urls), checks);
  for (const line of reportLines(results, options.certification === true)) console.log(line);
  if (results.some((result) => result.problems.length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
