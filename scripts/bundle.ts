/**
 * `npm run bundle`: the Lambda deployment package. Writes dist/bundle/index.js (one minified
 * CommonJS file for nodejs24.x exporting handler(event, context)), aws-dynamodb.js beside it when
 * the skill uses the DynamoDB client, and lambda.zip holding them; prints the sizes. Fails when
 * anything that must not ship (see FORBIDDEN_INPUTS) got in.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSkillBundle, forbiddenInputs, PROJECT_ROOT } from './build/bundleSkill';
import { writeZip } from './build/zip';

export const BUNDLE_DIR = join(PROJECT_ROOT, 'dist/bundle');
export const ZIP_NAME = 'lambda.zip';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  const bundle = await buildSkillBundle(BUNDLE_DIR);
  const forbidden = forbiddenInputs(bundle);
  if (forbidden.length > 0) {
    console.error(`These must not ship to Lambda:\n  ${forbidden.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  // Kept beside the bundle (not in the zip) for `esbuild --analyze`-style inspection.
  writeFileSync(join(BUNDLE_DIR, 'metafile.json'), JSON.stringify(bundle.metafiles));
  const zipBytes = await writeZip(
    join(BUNDLE_DIR, ZIP_NAME),
    bundle.files.map((file) => ({ name: file.name, data: readFileSync(join(BUNDLE_DIR, file.name)) })),
  );
  const width = Math.max(ZIP_NAME.length, ...bundle.files.map((file) => file.name.length));
  for (const file of bundle.files) console.log(`dist/bundle/${file.name.padEnd(width)} ${kb(file.bytes).padStart(10)}`);
  console.log(`dist/bundle/${ZIP_NAME.padEnd(width)} ${kb(zipBytes).padStart(10)}  (the deployment package)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
