import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { setLogSink } from '../lambda/observability/log';
import { runBatch } from './batch';
import { Conversation } from './conversation';
import { loadInteractionModel } from './interactionModel';
import { localSkill, emptyLocalStore } from './localSkill';
import { createUnderstanding } from './understanding';

interface Options { batch?: string; fresh?: boolean }

async function interactive(conversation: Conversation): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const prompt = () => process.stdout.write(conversation.inSession ? 'You: ' : 'You (new session): ');
  console.log('Officer Check Guide, text simulator. Press Enter to open the skill, or type what you would say. Type /quit to leave.');
  prompt();
  // Lines are read as a stream, not one question at a time, so typed-ahead or piped lines wait
  // their turn instead of being lost while the skill answers.
  for await (const said of rl) {
    if (said.trim() === '/quit') break;
    if (!process.stdin.isTTY) console.log(said);
    const reply = await conversation.turn(said);
    console.log(`Alexa: ${reply.speech}`);
    if (reply.card) console.log(`  [card: ${reply.card.title}]`);
    if (reply.endSession) console.log('  (session ended)');
    prompt();
  }
  rl.close();
  await conversation.timeOut();
}

async function main(): Promise<void> {
  const program = new Command()
    .name('npm start --')
    .description('Talk to the skill in text; the handler only ever sees the intent Alexa would send.')
    .option('--batch <file>', 'read JSON Lines, write one JSON line per input line to standard output')
    .option('--fresh', 'empty the local store first (forget preferences and rehearsal progress)')
    .parse();
  const options = program.opts<Options>();
  if (options.fresh) emptyLocalStore();
  const model = loadInteractionModel();
  const conversation = new Conversation(localSkill(), await createUnderstanding(model), model);
  if (options.batch) {
    await runBatch(readFileSync(options.batch, 'utf8'), conversation, (line) => process.stdout.write(`${line}\n`));
  } else {
    // The skill's request log (one JSON line per request on standard error) would interleave with
    // the conversation on the terminal; batch mode keeps it for tools that capture standard error.
    setLogSink(() => undefined);
    await interactive(conversation);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
