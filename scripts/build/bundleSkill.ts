import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { DYNAMODB_EXPORTS } from '../../lambda/persistence/dynamoDbExports';
import { PROJECT_ROOT } from '../projectRoot';
import { LAMBDA_FLAGS } from './esbuildFlags';

export { PROJECT_ROOT };
const SKILL_ENTRY = 'lambda/index.ts';
/** The Lambda handler setting that matches the bundle: file index.js, export `handler`. */
export const LAMBDA_HANDLER = 'index.handler';
export const MAIN_FILE = 'index.js';

/**
 * The DynamoDB client is bundled (our own pinned version, not whatever the runtime carries) but
 * into a file of its own beside index.js, which Node reads only when the store is first used.
 * Kept because it buys a measurable share of a cold launch that reads the store.
 */
const DYNAMODB_PACKAGES = Object.keys(DYNAMODB_EXPORTS) as (keyof typeof DYNAMODB_EXPORTS)[];
export const DYNAMODB_FILE = 'aws-dynamodb.js';

/** What must never reach Lambda: test and simulator tooling, aws-sdk v2, the fact-sheet registry. */
export const FORBIDDEN_INPUTS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'aws-sdk v2', pattern: /node_modules\/aws-sdk\// },
  { what: 'jest', pattern: /node_modules\/(jest|jest-[^/]+|@jest\/[^/]+|@swc\/jest|babel-jest)\// },
  { what: 'the simulator', pattern: /(^|\/)simulator\// },
  { what: 'nlp.js', pattern: /node_modules\/@nlpjs\// },
  { what: 'minisearch', pattern: /node_modules\/minisearch\// },
  { what: 'test tooling', pattern: /node_modules\/(ask-sdk-test|mocha|chai|sinon|nock|dynalite|fast-check|ssml-check-core)\// },
  { what: 'the local web server', pattern: /node_modules\/(express|ask-sdk-express-adapter)\// },
  { what: 'the aws-sdk v2 persistence adapter', pattern: /node_modules\/(ask-sdk|ask-sdk-dynamodb-persistence-adapter)\// },
  { what: 'the fact-sheet registry', pattern: /(^|\/)lambda\/guidance\/factSheet\.ts$/ },
];

interface BundledFile {
  readonly name: string;
  readonly bytes: number;
}

export interface SkillBundle {
  readonly dir: string;
  /** index.js first, then aws-dynamodb.js when the skill uses the DynamoDB client. */
  readonly files: readonly BundledFile[];
  /** The source files (relative to the project root) inside each bundled file. */
  readonly inputs: Readonly<Record<string, readonly string[]>>;
  readonly metafiles: Readonly<Record<string, Metafile>>;
}

const SHIM = 'dynamodb-shim';

/** Sends imports of the DynamoDB packages to aws-dynamodb.js, and records which were asked for. */
function dynamoDbInItsOwnFile(requested: Set<string>): Plugin {
  const packages = new RegExp(`^(${DYNAMODB_PACKAGES.map((name) => name.replace('/', '\\/')).join('|')})$`);
  return {
    name: 'dynamodb-in-its-own-file',
    setup(builder) {
      builder.onResolve({ filter: packages }, (args) => {
        requested.add(args.path);
        return { path: args.path, namespace: SHIM };
      });
      builder.onLoad({ filter: /.*/, namespace: SHIM }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./${DYNAMODB_FILE}`)})[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
      builder.onResolve({ filter: /.*/, namespace: SHIM }, (args) => ({ path: args.path, external: true }));
    },
  };
}

const inputsOf = (metafile: Metafile) => Object.keys(metafile.inputs).filter((input) => !input.startsWith(`${SHIM}:`));

/**
 * Builds aws-dynamodb.js into `dir`: of each package only the names in DYNAMODB_EXPORTS, keyed by
 * package name, with one copy of what the packages share. The SDK's ES module builds are preferred
 * here (mainFields), because only those let esbuild leave out the commands the skill never sends.
 */
async function buildDynamoDbFile(dir: string): Promise<Metafile> {
  const imports = DYNAMODB_PACKAGES.map((name, p) =>
    `import { ${DYNAMODB_EXPORTS[name].map((exported, e) => `${exported} as p${p}e${e}`).join(', ')} } from ${JSON.stringify(name)};`);
  const objects = DYNAMODB_PACKAGES.map((name, p) =>
    `const p${p} = { ${DYNAMODB_EXPORTS[name].map((exported, e) => `${exported}: p${p}e${e}`).join(', ')} };`);
  const exported = `export { ${DYNAMODB_PACKAGES.map((name, p) => `p${p} as ${JSON.stringify(name)}`).join(', ')} };`;
  const vendor = await build({
    ...LAMBDA_FLAGS,
    mainFields: ['module', 'main'],
    absWorkingDir: PROJECT_ROOT,
    stdin: { contents: [...imports, ...objects, exported].join('\n'), resolveDir: PROJECT_ROOT, sourcefile: 'aws-dynamodb-entry.js', loader: 'js' },
    outfile: join(dir, DYNAMODB_FILE),
    metafile: true,
  });
  return vendor.metafile;
}

/** Builds the Lambda bundle into `dir` (created if needed); `entry` is for tests that bundle a fixture the same way. */
export async function buildSkillBundle(dir: string, entry: string = SKILL_ENTRY): Promise<SkillBundle> {
  mkdirSync(dir, { recursive: true });
  const requested = new Set<string>();
  const main = await build({
    ...LAMBDA_FLAGS,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    outfile: join(dir, MAIN_FILE),
    metafile: true,
    plugins: [dynamoDbInItsOwnFile(requested)],
  });
  const metafiles: Record<string, Metafile> = { [MAIN_FILE]: main.metafile };
  if (requested.size > 0) metafiles[DYNAMODB_FILE] = await buildDynamoDbFile(dir);
  const names = Object.keys(metafiles);
  return {
    dir,
    files: names.map((name) => ({ name, bytes: statSync(join(dir, name)).size })),
    inputs: Object.fromEntries(names.map((name) => [name, inputsOf(metafiles[name] as Metafile)])),
    metafiles,
  };
}

/** Every forbidden input found in the bundle, as "file: what (input)". */
export function forbiddenInputs(bundle: SkillBundle): string[] {
  const found: string[] = [];
  for (const [file, inputs] of Object.entries(bundle.inputs)) {
    for (const input of inputs) {
      for (const { what, pattern } of FORBIDDEN_INPUTS) if (pattern.test(input)) found.push(`${file}: ${what} (${input})`);
    }
  }
  return found;
}
