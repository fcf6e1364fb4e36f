import type { Check, LanguageModel, Submission } from './context';
import { publishedLocales } from './context';
import { deadEnd, talk, unanswered } from './talk';
import { CONNECTING_WORDS } from './words';

/** The launch phrases an example may use: those that only open the skill, and those that ask it something. */
const OPENING = ['open', 'launch', 'start', 'begin', 'load', 'use'];
const ASKING = ['ask', 'tell'];

/** An example phrase taken apart: how it launches the skill and what it asks (empty: it just opens). */
export interface ParsedExample { readonly request: string; readonly intent: string | null }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
type Intent = LanguageModel['intents'][number];

/** What a {slot} may stand for: its custom type's values and synonyms, or any words for a built-in type. */
function slotWords(model: LanguageModel, intent: Intent, slot: string): string {
  const typeName = intent.slots?.find((s) => s.name === slot)?.type;
  const type = model.types?.find((t) => t.name === typeName);
  if (!type) return "[a-z' ]+";
  const words = type.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]).map((w) => escape(w.toLowerCase()));
  return `(?:${words.join('|')})`;
}

const slotPattern = (model: LanguageModel, intent: Intent, sample: string) =>
  new RegExp(`^${sample.split(/(\{[^}]*\})/).map((piece) => {
    const slot = /^\{([^}]*)\}$/.exec(piece)?.[1];
    return slot === undefined ? escape(piece) : slotWords(model, intent, slot);
  }).join('')}$`);

/** The intent whose sample the request is, word for word (a {slot} stands for one of its type's words). */
function sampleIntent(model: LanguageModel, request: string): string | null {
  for (const intent of model.intents) {
    if ((intent.samples ?? []).some((sample) => (sample.includes('{') ? slotPattern(model, intent, sample).test(request) : sample === request))) return intent.name;
  }
  return null;
}

/** Parses "Alexa, ask <invocation name> <sample>" or "Alexa, open <invocation name>"; a string says what is wrong. */
export function parseExample(phrase: string, model: LanguageModel): ParsedExample | string {
  const match = /^Alexa, ([a-z]+) (.*?)[.?!]?$/.exec(phrase);
  if (!match) return `"${phrase}": must begin "Alexa, " and a launch phrase`;
  const [, launch = '', rest = ''] = match;
  const lower = rest.toLowerCase();
  if (lower !== model.invocationName && !lower.startsWith(`${model.invocationName} `)) return `"${phrase}": must name the skill as it is invoked, "${model.invocationName}", right after "${launch}"`;
  const request = lower.slice(model.invocationName.length).trim();
  if (!request) return OPENING.includes(launch) || ASKING.includes(launch) ? { request, intent: null } : `"${phrase}": "${launch}" does not open a skill`;
  if (!ASKING.includes(launch)) return `"${phrase}": a request after the name needs "ask" or "tell", not "${launch}"`;
  const [first = '', ...after] = request.split(' ');
  const intent = sampleIntent(model, request) ?? (CONNECTING_WORDS.includes(first) ? sampleIntent(model, after.join(' ')) : null);
  return intent ? { request, intent } : `"${phrase}": "${request}" is no sample utterance of the interaction model, word for word`;
}

export const examplePhrasesCheck: Check = {
  name: 'example phrases: each a sample, word for word, and its one-shot form answered by that intent',
  run: async (submission: Submission) => {
    const problems: string[] = [];
    for (const [locale, info] of Object.entries(publishedLocales(submission.manifest))) {
      const model = submission.languageModels[locale];
      const phrases = Array.isArray(info.examplePhrases) ? info.examplePhrases.map(String) : [];
      if (!model || phrases.length === 0) continue;
      for (const phrase of phrases) {
        const parsed = parseExample(phrase, model);
        if (typeof parsed === 'string') {
          problems.push(`${locale} ${parsed}`);
          continue;
        }
        // The one-shot form: a new session that starts with the request (an empty one opens the skill).
        const reply = await (await talk(submission, 'words')).invoke(parsed.request);
        const expected = parsed.intent ?? 'LaunchRequest';
        if (reply.intent !== expected) problems.push(`${locale} "${phrase}": understood as ${reply.intent}, not ${expected}`);
        problems.push(...[...unanswered(reply, submission.root), ...deadEnd(reply)].map((problem) => `${locale} "${phrase}": ${problem}`));
      }
    }
    return problems;
  },
};
