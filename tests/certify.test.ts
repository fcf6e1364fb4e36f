import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { builtInsCheck } from '../scripts/certification/builtIns';
import type { LanguageModel, Submission } from '../scripts/certification/context';
import { deadEndCheck } from '../scripts/certification/deadEnds';
import { parseExample } from '../scripts/certification/examplePhrases';
import { iconProblems } from '../scripts/certification/icons';
import { OFFLINE_CHECKS, reportLines, runChecks, submissionIn, URL_CHECK } from '../scripts/certification';
import { invocationNameProblems } from '../scripts/certification/invocationName';
import { manifestProblems } from '../scripts/certification/manifest';
import { sampleProblems, slotTypeProblems } from '../scripts/certification/samples';
import { PROJECT_ROOT } from '../scripts/skill-package';

const submission = submissionIn(PROJECT_ROOT);
const model = submission.languageModels['en-GB'] as LanguageModel;

describe('npm run certify', () => {
  // In this process, as the script runs them (the first use of the understanding may train the
  // model, or wait for the process that does: at most 300 s); the script prints these lines.
  it('passes every offline check: the skill can be submitted', async () => {
    const results = await runChecks(submission, OFFLINE_CHECKS);
    expect(results.filter((result) => result.problems.length > 0)).toEqual([]);
    const lines = reportLines(results, false);
    expect(lines.filter((line) => line.startsWith('pass  '))).toHaveLength(OFFLINE_CHECKS.length);
    expect(lines).toContain(`All ${OFFLINE_CHECKS.length} checks pass.`);
  }, 320_000);

  it('reports a failing check with its problems under it, and how many fail', () => {
    const lines = reportLines([{ name: 'first', problems: [] }, { name: 'second', problems: ['one thing', 'another'] }], true);
    expect(lines).toEqual(['pass  first', 'FAIL  second', '      one thing', '      another', '', '1 of 2 checks fail.']);
  });

  it('leaves the publishing addresses to -- --certification, and then needs both, public and https', async () => {
    expect(OFFLINE_CHECKS).not.toContain(URL_CHECK);
    const [missing] = await runChecks(submission, [URL_CHECK]);
    expect(missing?.problems).toEqual([expect.stringMatching(/PRIVACY_POLICY_URL/), expect.stringMatching(/TERMS_OF_USE_URL/)]);
    const given = submissionIn(PROJECT_ROOT, { privacyPolicyUrl: 'https://officer-check-guide.github.io/PRIVACY.html', termsOfUseUrl: 'https://officer-check-guide.github.io/TERMS.html' });
    expect(await URL_CHECK.run(given)).toEqual([]);
  });
});

describe('the checks catch what certification rejects', () => {
  it('invocation names: one word, a wake word, a launch phrase, a connecting word, a borrowed name, not the skill name', () => {
    expect(invocationNameProblems('guide', 'Guide')).toEqual([expect.stringMatching(/two or more words/)]);
    expect(invocationNameProblems('alexa check guide', 'Alexa Check Guide')).toEqual([expect.stringMatching(/wake word, "alexa"/)]);
    expect(invocationNameProblems('ask officer check', 'Ask Officer Check')).toEqual([expect.stringMatching(/launch phrase, "ask"/)]);
    expect(invocationNameProblems('check for officers', 'Check For Officers')).toEqual([expect.stringMatching(/connecting word, "for"/)]);
    expect(invocationNameProblems('police check guide', 'Police Check Guide')).toEqual([expect.stringMatching(/must not borrow, "police"/)]);
    expect(invocationNameProblems('officer check guide', 'Officer Guide')).toEqual([expect.stringMatching(/not the skill's name/)]);
    expect(invocationNameProblems('officer check 2', undefined)).toEqual([expect.stringMatching(/only lower-case letters/)]);
  });

  it('example phrases: a sample word for word after "Alexa, ask <invocation name>", or just opening the skill', () => {
    expect(parseExample('Alexa, open officer check guide', model)).toEqual({ request: '', intent: null });
    expect(parseExample('Alexa, ask officer check guide what do I ask a lone officer', model)).toEqual({ request: 'what do i ask a lone officer', intent: 'QuestionsToAskIntent' });
    // A phrase close to the samples but not one of them word for word.
    expect(parseExample('Alexa, ask officer check guide how would one verify a constable', model)).toMatch(/is no sample utterance/);
    expect(parseExample('Alexa, ask officer check guide which enquiries are prudent', model)).toMatch(/is no sample utterance/);
    expect(parseExample('ask officer check guide what do I ask a lone officer', model)).toMatch(/must begin "Alexa, "/);
    expect(parseExample('Alexa, ask officer guide what do I ask a lone officer', model)).toMatch(/must name the skill/);
    expect(parseExample('Alexa, open officer check guide what do I ask a lone officer', model)).toMatch(/needs "ask" or "tell"/);
  });

  it('samples: a digit, a wake word, the invocation name, one sample in two intents, a missing built-in', () => {
    const broken: LanguageModel = {
      invocationName: 'officer check guide',
      intents: [
        { name: 'AMAZON.HelpIntent', samples: ['what can i say'] },
        { name: 'AMAZON.StopIntent', samples: ['bye alexa'] },
        { name: 'AMAZON.CancelIntent', samples: [] },
        { name: 'AMAZON.FallbackIntent', samples: [] },
        { name: 'CallIntent', samples: ['call 999', 'open officer check guide', 'What can I say', 'where is {place}'] },
      ],
    };
    expect(sampleProblems(broken)).toEqual([
      'AMAZON.NavigateHomeIntent is missing',
      'AMAZON.StopIntent "bye alexa": the wake word "alexa"',
      'CallIntent "call 999": a digit (write numbers as words)',
      'CallIntent "open officer check guide": the invocation name',
      'CallIntent "What can I say": only lower-case letters, spaces, apostrophes and periods, and {slots}',
      'CallIntent "What can I say": also a sample of AMAZON.HelpIntent',
      'CallIntent "where is {place}": {place} is no slot of CallIntent',
    ]);
  });

  it('slot types: undeclared, unused, a repeated id, words that stand for two values', () => {
    const broken: LanguageModel = {
      invocationName: 'officer check guide',
      intents: [{ name: 'WhereIntent', samples: ['in {place}'], slots: [{ name: 'place', type: 'PLACE' }] }],
      types: [
        { name: 'NATION', values: [{ id: 'scotland', name: { value: 'scotland', synonyms: ['glasgow'] } }, { id: 'scotland', name: { value: 'glasgow' } }] },
      ],
    };
    expect(slotTypeProblems(broken)).toEqual([
      'WhereIntent {place}: type PLACE is not declared',
      'NATION: declared but no slot uses it',
      'NATION: the id scotland twice',
      'NATION: "glasgow" stands for scotland twice',
    ]);
  });

  it('the manifest: a summary over 160 characters, four example phrases, no category, an unanswered privacy question', () => {
    const manifest = structuredClone(submission.manifest) as { manifest: Record<string, Record<string, unknown>> };
    const listing = (manifest.manifest.publishingInformation as { locales: Record<string, Record<string, unknown>> }).locales['en-GB'] as Record<string, unknown>;
    listing.summary = 'x'.repeat(161);
    listing.examplePhrases = ['a', 'b', 'c', 'd'];
    delete manifest.manifest.publishingInformation?.category;
    delete manifest.manifest.privacyAndCompliance?.usesPersonalInfo;
    expect(manifestProblems(manifest)).toEqual([
      'en-GB summary is 161 characters, over 160',
      'en-GB examplePhrases: 4, needs 1 to 3',
      expect.stringMatching(/^category is missing/),
      'privacyAndCompliance.usesPersonalInfo is not answered (true or false)',
    ]);
  });

  it('icons: the wrong size, or not in the package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lone-officer-icons-'));
    try {
      mkdirSync(join(dir, 'assets/images'), { recursive: true });
      const listing = { smallIconUri: 'file://assets/images/icon-108.png', largeIconUri: 'file://assets/images/icon-512.png' };
      writeFileSync(join(dir, 'skill.json'), JSON.stringify({ manifest: { publishingInformation: { locales: { 'en-GB': listing } } } }));
      await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000000' } }).png().toFile(join(dir, 'assets/images/icon-108.png'));
      expect(await iconProblems(dir)).toEqual(['assets/images/icon-108.png is a 100x100 png, not a 108x108 png', 'assets/images/icon-512.png is not in the package']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a skill that leaves the session open without a reprompt, or will not stop, fails the conversation checks', async () => {
    const builtIn: Record<string, string> = { help: 'AMAZON.HelpIntent', stop: 'AMAZON.StopIntent', cancel: 'AMAZON.CancelIntent' };
    const noReprompt: Submission = {
      ...submission,
      // The sweep over every intent runs on the real skill above; here two intents show the check bites.
      model: { ...submission.model, intents: submission.model.intents.filter((i) => ['StartRehearsalIntent', 'AMAZON.HelpIntent'].includes(i.name)) },
      understanding: async () => ({ understand: async (words) => ({ intent: builtIn[words] ?? 'AMAZON.FallbackIntent', slots: {}, score: 1 }) }),
      handler: async (event) => {
        const envelope = await submission.handler(event);
        delete envelope.response.reprompt;
        envelope.response.shouldEndSession = false;
        return envelope;
      },
    };
    const deadEnds = await deadEndCheck.run(noReprompt);
    expect(deadEnds).toContain('LaunchRequest: keeps the session open with no reprompt');
    const builtIns = await builtInsCheck.run(noReprompt);
    expect(builtIns).toEqual(expect.arrayContaining([
      expect.stringMatching(/^"help" after opening: keeps the session open with no reprompt/),
      expect.stringMatching(/^"stop" mid-rehearsal: keeps the session open/),
      expect.stringMatching(/^"cancel" after opening: keeps the session open/),
    ]));
  });
});
