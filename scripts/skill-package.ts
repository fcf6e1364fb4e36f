/**
 * `npm run skill-package`: assembles the skill package where ASK CLI expects it
 * (skill-package/skill.json and skill-package/interactionModels/custom/<locale>.json) from the
 * top-level skill.json and interactionModels/, which stay the one place they are edited.
 * skill-package/ is generated (and ignored by git); run this before every `ask deploy`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './projectRoot';

export { PROJECT_ROOT };
export const SKILL_PACKAGE_DIR = join(PROJECT_ROOT, 'skill-package');
const MODELS = join('interactionModels', 'custom');

type Json = Record<string, unknown>;
interface Endpoint { uri?: unknown }

/** The top-level manifest carries a stand-in endpoint (account 000000000000) until the first deploy. */
const isPlaceholder = (endpoint: Endpoint | undefined) => typeof endpoint?.uri === 'string' && endpoint.uri.includes(':000000000000:');

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
const customApiOf = (manifest: Json) => ((manifest.manifest as Json | undefined)?.apis as Json | undefined)?.custom as Json | undefined;

/**
 * The manifest as deployed: the top-level one, except that a stand-in endpoint is replaced by the
 * endpoint ASK CLI wrote into the previous package after deploying the stack (or left out before
 * the first deploy, for ASK CLI to fill in). So re-assembling never undoes a deploy.
 */
export function deployedManifest(topLevel: Json, previous: Json | undefined): Json {
  const manifest = structuredClone(topLevel);
  const custom = customApiOf(manifest);
  if (!custom || !isPlaceholder(custom.endpoint as Endpoint | undefined)) return manifest;
  const deployed = previous ? customApiOf(previous) : undefined;
  if (deployed?.endpoint && !isPlaceholder(deployed.endpoint as Endpoint)) {
    custom.endpoint = deployed.endpoint;
    if (deployed.regions) custom.regions = deployed.regions;
  } else {
    delete custom.endpoint;
  }
  return manifest;
}

/** Writes the package into `outDir`; returns the files written, relative to it. */
export function assembleSkillPackage(root: string = PROJECT_ROOT, outDir: string = join(root, 'skill-package')): string[] {
  const topLevel = readJson(join(root, 'skill.json'));
  const previousFile = join(outDir, 'skill.json');
  const previous = existsSync(previousFile) ? readJson(previousFile) : undefined;

  const locales = Object.keys(((topLevel.manifest as Json).publishingInformation as Json).locales as Json);
  const models = readdirSync(join(root, MODELS)).filter((name) => name.endsWith('.json')).sort();
  const missing = locales.filter((locale) => !models.includes(`${locale}.json`));
  if (missing.length > 0) throw new Error(`No interaction model for ${missing.join(', ')} in ${MODELS}`);

  rmSync(join(outDir, MODELS), { recursive: true, force: true });
  mkdirSync(join(outDir, MODELS), { recursive: true });
  writeFileSync(previousFile, `${JSON.stringify(deployedManifest(topLevel, previous), null, 2)}\n`);
  const written = ['skill.json'];
  for (const model of models) {
    // Copied byte for byte: the model Alexa trains on is exactly the one the simulator learns from.
    writeFileSync(join(outDir, MODELS, model), readFileSync(join(root, MODELS, model)));
    written.push(join(MODELS, model));
  }
  return written;
}

if (require.main === module) {
  try {
    const written = assembleSkillPackage();
    for (const file of written) console.log(relative(PROJECT_ROOT, join(SKILL_PACKAGE_DIR, file)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
