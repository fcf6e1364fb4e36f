import type { Conversation, Reply } from './conversation';

/** A batch input line: one utterance in a new session, or named turns in one session. */
type BatchLine = { utterance: string } | { name: string; turns: string[] };

function parseLine(line: string, lineNumber: number): BatchLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`line ${lineNumber}: not JSON`);
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const p = parsed as Record<string, unknown>;
    if (typeof p.utterance === 'string') return { utterance: p.utterance };
    if (typeof p.name === 'string' && Array.isArray(p.turns) && p.turns.every((t) => typeof t === 'string')) {
      return { name: p.name, turns: p.turns as string[] };
    }
  }
  throw new Error(`line ${lineNumber}: needs "utterance", or "name" and "turns"`);
}

/** The batch contract's fields, in its order (the card is for the interactive mode only). */
const contractFields = (r: Reply) => ({
  utterance: r.utterance, intent: r.intent, topic: r.topic, speech: r.speech, ssml: r.ssml,
  reprompt: r.reprompt, endSession: r.endSession, rehearsal: r.rehearsal,
});

/** Runs JSON Lines through one user's conversation, writing one JSON line per input line. */
export async function runBatch(text: string, conversation: Conversation, write: (line: string) => void): Promise<void> {
  const lines = text.split('\n').map((l, i) => [l.trim(), i + 1] as const).filter(([l]) => l.length > 0);
  for (const [line, lineNumber] of lines) {
    const input = parseLine(line, lineNumber);
    if ('utterance' in input) {
      write(JSON.stringify(contractFields(await conversation.invoke(input.utterance))));
    } else {
      await conversation.timeOut();
      const replies: ReturnType<typeof contractFields>[] = [];
      for (const turn of input.turns) replies.push(contractFields(await conversation.turn(turn)));
      write(JSON.stringify({ name: input.name, replies }));
    }
  }
  await conversation.timeOut();
}
