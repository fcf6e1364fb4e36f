/**
 * `npm run skill-package`: assembles the skill package where ASK CLI expects it
 * (skill-package/skill.json, skill-package/interactionModels/custom/<locale>.json and the icons in
 * skill-package/assets/images/) from the top-level skill.json, interactionModels/ and assets/icon.svg,
 * which stay the one place they are edited. skill-package/ is generated (and ignored by git); run
 * this before every `ask deploy`.
 *
 * The privacy policy and terms of use addresses come from PRIVACY_POLICY_URL and TERMS_OF_USE_URL
 * (or --privacy-policy-url and --terms-of-use-url); without them the package leaves both fields
 * out, which is fine for development. `-- --certification` refuses to assemble without both.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { drawIcons, ICONS, packageUri } from './build/icons';
import { publishingUrlProblems, publishingUrlsFrom, URL_OPTIONS, URL_SETTINGS, type PublishingUrls } from './build/publishingUrls';
import { PROJECT_ROOT } from './projectRoot';

export { PROJECT_ROOT };
export const SKILL_PACKAGE_DIR = join(PROJECT_ROOT, 'skill-package');
const MODELS = join('interactionModels', 'custom');

type Json = Record<string, unknown>;
interface Endpoint { uri?: unknown }

/** The top-level manifest carries a stand-in endpoint (account 000000000000) until the first deploy. */
const isPlaceholder = (endpoint: Endpoint | undefined) => typeof endpoint?.uri === 'string' && endpoint.uri.includes(':000000000000:');

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
const manifestOf = (skillJson: Json) => skillJson.manifest as Json;
const publishedLocales = (skillJson: Json) => ((manifestOf(skillJson).publishingInformation as Json).locales as Record<string, Json>);
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

export interface PackageOptions {
  /** The two publishing addresses, when configured. */
  readonly urls?: PublishingUrls;
  /** For submission: both addresses are required. */
  readonly certification?: boolean;
}

/** The icons the manifest names must be the ones drawn into the package, in every locale. */
function checkIconUris(skillJson: Json): void {
  for (const [locale, info] of Object.entries(publishedLocales(skillJson))) {
    for (const icon of ICONS) {
      if (info[icon.field] !== packageUri(icon.file)) {
        throw new Error(`skill.json ${locale} ${icon.field} must be ${packageUri(icon.file)} (drawn from assets/icon.svg), not ${String(info[icon.field])}`);
      }
    }
  }
}

/** The publishing addresses, given ones only, in every published locale (no placeholder). */
function withPublishingUrls(skillJson: Json, urls: PublishingUrls): Json {
  const privacy = manifestOf(skillJson).privacyAndCompliance as Json;
  const given = Object.fromEntries(URL_SETTINGS.flatMap((setting) => (urls[setting.field] ? [[setting.field, urls[setting.field]]] : [])));
  if (Object.keys(given).length === 0) delete privacy.locales;
  else privacy.locales = Object.fromEntries(Object.keys(publishedLocales(skillJson)).map((locale) => [locale, { ...given }]));
  return skillJson;
}

/** Writes the package into `outDir`; returns the files written, relative to it. */
export async function assembleSkillPackage(
  root: string = PROJECT_ROOT,
  outDir: string = join(root, 'skill-package'),
  options: PackageOptions = {},
): Promise<string[]> {
  const urlProblems = publishingUrlProblems(options.urls ?? {}, options.certification ?? false);
  if (urlProblems.length > 0) throw new Error(urlProblems.join('\n'));
  const topLevel = readJson(join(root, 'skill.json'));
  checkIconUris(topLevel);
  const previousFile = join(outDir, 'skill.json');
  const previous = existsSync(previousFile) ? readJson(previousFile) : undefined;

  const locales = Object.keys(publishedLocales(topLevel));
  const models = readdirSync(join(root, MODELS)).filter((name) => name.endsWith('.json')).sort();
  const missing = locales.filter((locale) => !models.includes(`${locale}.json`));
  if (missing.length > 0) throw new Error(`No interaction model for ${missing.join(', ')} in ${MODELS}`);

  rmSync(join(outDir, MODELS), { recursive: true, force: true });
  rmSync(join(outDir, 'assets'), { recursive: true, force: true });
  mkdirSync(join(outDir, MODELS), { recursive: true });
  const manifest = withPublishingUrls(deployedManifest(topLevel, previous), options.urls ?? {});
  writeFileSync(previousFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const written = ['skill.json'];
  for (const model of models) {
    // Copied byte for byte: the model Alexa trains on is exactly the one the simulator learns from.
    writeFileSync(join(outDir, MODELS, model), readFileSync(join(root, MODELS, model)));
    written.push(join(MODELS, model));
  }
  written.push(...(await drawIcons(root, outDir)));
  return written;
}

/** The options of `npm run skill-package -- [--certification] [--privacy-policy-url URL] [--terms-of-use-url URL]`. */
export function packageOptionsFrom(args: readonly string[], env: NodeJS.ProcessEnv): PackageOptions {
  const { values } = parseArgs({ args: [...args], options: { certification: { type: 'boolean', default: false }, ...URL_OPTIONS }, strict: true });
  return { certification: values.certification === true, urls: publishingUrlsFrom(values, env) };
}

if (require.main === module) {
  (async () => {
    const written = await assembleSkillPackage(PROJECT_ROOT, SKILL_PACKAGE_DIR, packageOptionsFrom(process.argv.slice(2), process.env));
    for (const file of written) console.log(relative(PROJECT_ROOT, join(SKILL_PACKAGE_DIR, file)));
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
