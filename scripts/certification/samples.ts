import type { Check, LanguageModel, Submission } from './context';
import { containsWords, WAKE_WORDS } from './words';

/** The built-in intents every custom skill must have for certification. */
const REQUIRED_INTENTS = ['AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.FallbackIntent', 'AMAZON.NavigateHomeIntent'];

const SAMPLE_LENGTH = 200;
const SLOT_REFERENCE = /\{([^}]*)\}/g;
const normalised = (sample: string) => sample.toLowerCase().replace(/\s+/g, ' ').trim();

/** What is wrong with the samples: Alexa's character rules, wake words, the invocation name, repeats. */
export function sampleProblems(model: LanguageModel): string[] {
  const problems: string[] = [];
  const intentOf = new Map<string, string>();
  for (const name of REQUIRED_INTENTS) if (!model.intents.some((intent) => intent.name === name)) problems.push(`${name} is missing`);
  for (const intent of model.intents) {
    const slotNames = new Set((intent.slots ?? []).map((slot) => slot.name));
    const samples = [...(intent.samples ?? []), ...(intent.slots ?? []).flatMap((slot) => slot.samples ?? [])];
    if (!intent.name.startsWith('AMAZON.') && (intent.samples ?? []).length === 0) problems.push(`${intent.name} has no sample`);
    for (const sample of samples) {
      const at = `${intent.name} "${sample}"`;
      const words = sample.replace(SLOT_REFERENCE, ' ');
      if (/\d/.test(words)) problems.push(`${at}: a digit (write numbers as words)`);
      else if (!/^[a-z' .]*$/.test(words)) problems.push(`${at}: only lower-case letters, spaces, apostrophes and periods, and {slots}`);
      if (sample.length > SAMPLE_LENGTH) problems.push(`${at}: longer than ${SAMPLE_LENGTH} characters`);
      for (const [, slot] of sample.matchAll(SLOT_REFERENCE)) if (!slotNames.has(slot ?? '')) problems.push(`${at}: {${slot}} is no slot of ${intent.name}`);
      for (const wake of WAKE_WORDS) if (containsWords(words, wake)) problems.push(`${at}: the wake word "${wake}"`);
      if (containsWords(words, model.invocationName)) problems.push(`${at}: the invocation name`);
      const other = intentOf.get(normalised(sample));
      if (other !== undefined) problems.push(`${at}: also a sample of ${other === intent.name ? 'the same intent' : other}`);
      intentOf.set(normalised(sample), intent.name);
    }
  }
  return problems;
}

/** What is wrong with the slots and their types: undeclared or unused types, empty or clashing values. */
export function slotTypeProblems(model: LanguageModel): string[] {
  const problems: string[] = [];
  const types = new Map((model.types ?? []).map((type) => [type.name, type]));
  const used = new Set<string>();
  for (const intent of model.intents) {
    for (const slot of intent.slots ?? []) {
      used.add(slot.type);
      if (!slot.type.startsWith('AMAZON.') && !types.has(slot.type)) problems.push(`${intent.name} {${slot.name}}: type ${slot.type} is not declared`);
    }
  }
  for (const type of types.values()) {
    if (!used.has(type.name)) problems.push(`${type.name}: declared but no slot uses it`);
    if (type.values.length === 0) problems.push(`${type.name}: has no values`);
    const ids = new Set<string>();
    const heard = new Map<string, string>();
    for (const value of type.values) {
      const id = value.id ?? value.name.value;
      if (ids.has(id)) problems.push(`${type.name}: the id ${id} twice`);
      ids.add(id);
      for (const words of [value.name.value, ...(value.name.synonyms ?? [])]) {
        if (!words.trim()) problems.push(`${type.name} ${id}: an empty value or synonym`);
        const before = heard.get(normalised(words));
        if (before !== undefined) problems.push(`${type.name}: "${words}" stands for ${before}${before === id ? ' twice' : ` and ${id}`}`);
        heard.set(normalised(words), id);
      }
    }
  }
  return problems;
}

const perLocale = (submission: Submission, problemsOf: (model: LanguageModel) => string[]) =>
  Object.entries(submission.languageModels).flatMap(([locale, model]) => problemsOf(model).map((problem) => `${locale}: ${problem}`));

export const sampleCheck: Check = {
  name: 'samples: no digits, no wake word, no invocation name, none in two intents, the built-in intents there',
  run: (submission) => perLocale(submission, sampleProblems),
};

export const slotTypeCheck: Check = {
  name: 'slot types: every slot type declared and used, values with unique ids and words',
  run: (submission) => perLocale(submission, slotTypeProblems),
};
