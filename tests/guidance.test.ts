import { factRows } from '../scripts/extract-fact-rows';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONVERSATION_TOPICS, GUIDANCE, INTENT_OF_TOPIC, pagesOf, TOPIC_IDS } from '../lambda/guidance';
import { FACT_ROWS } from '../lambda/guidance/factSheet';
import enGB from '../lambda/locales/en-GB.json';
import { isSentenceKey } from '../lambda/locales/i18n';
import { MOVES } from '../lambda/rehearsal';

const sheet = readFileSync(join(__dirname, 'fixtures', 'uk-facts.md'), 'utf8');
const rowsInSheet = new Set([...sheet.matchAll(/^\| ([A-K]\d+) \|/gm)].map((m) => m[1]));
const allParts = GUIDANCE.flatMap((entry) => pagesOf(entry).flat().map((part) => ({ entry: entry.id, part })));

describe('the guidance module', () => {
  test('every part that states a fact names fact-sheet rows, and every row exists', () => {
    const problems = allParts.flatMap(({ entry, part }) => {
      if (part.framing) return [];
      if (part.rows.length === 0) return [`${entry}: ${part.key} names no fact-sheet row`];
      return part.rows.filter((row) => !rowsInSheet.has(row)).map((row) => `${entry}: ${part.key} names ${row}, not in the sheet`);
    });
    expect(problems).toEqual([]);
  });

  test('every part has words in the locale file', () => {
    const keys = [...allParts.map(({ part }) => part.key), ...GUIDANCE.map((e) => e.titleKey)];
    expect(keys.filter((key) => !isSentenceKey(key))).toEqual([]);
  });

  test('every topic the dev questions expect is answered: by a guidance entry, or by the conversation around it', () => {
    const devTopics = new Set(readFileSync(join(__dirname, 'fixtures', 'utterances.dev.jsonl'), 'utf8').split('\n').filter(Boolean)
      .map((line) => (JSON.parse(line) as { topic: string }).topic));
    const answered = new Set([...GUIDANCE.map((e) => e.topic), ...Object.keys(CONVERSATION_TOPICS)]);
    expect([...devTopics].filter((topic) => !answered.has(topic))).toEqual([]);
  });

  test('every topic has the one intent that asks for it, and each guidance topic has its main entry', () => {
    expect(Object.keys(INTENT_OF_TOPIC).sort()).toEqual([...TOPIC_IDS].sort());
    for (const topic of new Set(GUIDANCE.map((e) => e.topic))) {
      expect({ topic, main: GUIDANCE.filter((e) => e.id === topic).length }).toEqual({ topic, main: 1 });
    }
  });

  test('every move a question counts as while rehearsing, and every entry a move asks for outside one, exists', () => {
    expect(GUIDANCE.filter((e) => e.inRehearsal !== 'hint' && !(e.inRehearsal in MOVES)).map((e) => e.id)).toEqual([]);
    const answers = Object.values(MOVES).flatMap((m) => (m.intent ? [m.intent.outsideRehearsal] : []));
    expect(answers.filter((id) => !GUIDANCE.some((e) => e.id === id))).toEqual([]);
  });

  test('entry ids and intents are unique, and every entry has a review date', () => {
    expect(new Set(GUIDANCE.map((e) => e.id)).size).toBe(GUIDANCE.length);
    expect(new Set(GUIDANCE.map((e) => e.intent)).size).toBe(GUIDANCE.length);
    for (const entry of GUIDANCE) expect(entry.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('the fact-row registry matches the fact sheet it was generated from', () => {
    expect(factRows(sheet)).toEqual(FACT_ROWS);
    expect(FACT_ROWS.map((r) => r.id).sort()).toEqual([...rowsInSheet].sort());
  });

  test('where the law differs in Scotland or Northern Ireland, the answers say so', () => {
    for (const id of ['running', 'questions']) {
      const entry = GUIDANCE.find((e) => e.id === id);
      expect(entry?.nations.scotland).toBeDefined();
      expect(entry?.nations.northern_ireland).toBeDefined();
    }
  });
});

describe('the words', () => {
  // Speech must carry no bare number: phone numbers are {{phone.999}} placeholders, others are words.
  const flatten = (node: unknown, path: string[] = []): [string, string][] =>
    typeof node === 'string' ? [[path.join('.'), node]]
      : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => flatten(v, [...path, k]));
  const sentences = flatten(enGB.translation).filter(([key]) => !key.endsWith('.card'));

  test('no sentence spoken holds a bare digit outside a phone placeholder', () => {
    const withDigits = sentences.filter(([key, text]) => !key.startsWith('phones.') && /\d/.test(text.replace(/\{\{phone\.\d+\}\}/g, '')));
    expect(withDigits).toEqual([]);
  });

  test('every placeholder is a phone number the speech module knows', () => {
    const placeholders = new Set(sentences.flatMap(([, text]) => [...text.matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1])));
    const phones = Object.keys(enGB.translation.phones).map((digits) => `phone.${digits}`);
    expect([...placeholders].filter((p) => !phones.includes(p as string))).toEqual([]);
  });

  test('disputed advice is framed as such: an officer-supplied radio check is weaker than your own call', () => {
    expect(enGB.translation.guidance.verify.radio).toMatch(/call you make yourself is harder to fake/);
    // The check on your own phone (999) comes first; the check the officer offers comes later, framed.
    const verify = GUIDANCE.find((e) => e.id === 'verify');
    const keys = verify ? pagesOf(verify).flat().map((p) => p.key) : [];
    expect(keys[0]).toBe('guidance.verify.call999');
    expect(keys.indexOf('guidance.verify.radio')).toBeGreaterThan(0);
  });

  test('nothing suggests the skill is official or that Alexa can call for help', () => {
    const all = sentences.map(([, text]) => text.toLowerCase());
    expect(all.filter((t) => /\b(i'll|i will|let me|alexa will) (call|dial|ring|phone)\b/.test(t))).toEqual([]);
    expect(all.filter((t) => /\bofficial (police )?(app|skill|service|guidance from)\b/.test(t))).toEqual([]);
  });
});
