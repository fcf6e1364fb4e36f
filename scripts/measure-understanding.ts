// Measures the simulator's local understanding on labelled question sets, for each NLU kind:
//   npx tsx scripts/measure-understanding.ts SET.jsonl [SET.jsonl ...] [--kinds nlpjs,minisearch] [--misses]
// A question counts as understood when the intent chosen answers its labelled topic. This is the
// figure used to choose the library (see README); the end-to-end figure is score.js on batch output.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { entryForIntent } from '../lambda/guidance';
import { loadInteractionModel } from '../simulator/interactionModel';
import { createUnderstanding, UNDERSTANDING_KINDS, type UnderstandingKind } from '../simulator/understanding';

const TOPIC_OF_BUILT_IN: Record<string, string> = {
  'AMAZON.HelpIntent': 'help',
  'AMAZON.StopIntent': 'stop',
  'AMAZON.CancelIntent': 'stop',
  'AMAZON.NoIntent': 'stop',
  'AMAZON.FallbackIntent': 'out_of_scope',
  StartRehearsalIntent: 'rehearse',
};

const topicOf = (intent: string) => entryForIntent(intent)?.topic ?? TOPIC_OF_BUILT_IN[intent] ?? null;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const kindsAt = args.indexOf('--kinds');
  const kinds = (kindsAt >= 0 ? (args[kindsAt + 1] ?? '').split(',') : [...UNDERSTANDING_KINDS]) as UnderstandingKind[];
  const showMisses = args.includes('--misses');
  const sets = args.filter((a, i) => !a.startsWith('--') && (kindsAt < 0 || i !== kindsAt + 1));
  const model = loadInteractionModel();
  for (const kind of kinds) {
    const understanding = await createUnderstanding(kind, model);
    for (const set of sets) {
      const rows = readFileSync(set, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { utterance: string; topic: string });
      let right = 0;
      for (const row of rows) {
        const { intent, score } = await understanding.understand(row.utterance);
        const ok = topicOf(intent) === row.topic || (row.topic === 'out_of_scope' && topicOf(intent) === 'help');
        if (ok) right++;
        else if (showMisses) console.log(`  ${row.topic} <- "${row.utterance}" got ${intent} (${score.toFixed(2)})`);
      }
      console.log(`${kind} ${basename(set)}: ${right}/${rows.length} = ${(100 * right / rows.length).toFixed(1)}%`);
    }
  }
}

void main();
