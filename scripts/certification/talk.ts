import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Conversation, type Reply } from '../../simulator/conversation';
import type { Understanding } from '../../simulator/understanding';
import type { Submission } from './context';

/**
 * An understanding that takes the intent by name ("StartRehearsalIntent scene=front_door"), for
 * requests whose words are Alexa's business, not ours: a fallback is what Alexa sends when nothing
 * matches, and the sweep of every intent should not depend on how well the local NLU guesses.
 */
const intentByName: Understanding = {
  understand: async (request) => {
    const [intent = '', ...slots] = request.trim().split(/\s+/);
    return {
      intent,
      slots: Object.fromEntries(slots.map((slot) => slot.split('=')).map(([name = '', id = '']) => [name, { value: id, id }])),
      score: 1,
    };
  },
};

/** A new conversation with the skill: by words through the local NLU, or by intent name. */
export async function talk(submission: Submission, by: 'words' | 'intents'): Promise<Conversation> {
  const understanding = by === 'words' ? await submission.understanding() : intentByName;
  return new Conversation(submission.handler, understanding, submission.model);
}

const errorAnswers = new Map<string, string>();

/** The words the skill says when a request reached its error handler. */
function errorAnswer(root: string): string {
  let answer = errorAnswers.get(root);
  if (answer === undefined) {
    const locale = JSON.parse(readFileSync(join(root, 'lambda', 'locales', 'en-GB.json'), 'utf8')) as { translation: { error: { calm: string } } };
    answer = locale.translation.error.calm;
    errorAnswers.set(root, answer);
  }
  return answer;
}

const quoted = (speech: string) => `"${speech.length > 90 ? `...${speech.slice(-90)}` : speech}"`;

/** What is wrong with an answer: none, or the error handler's. */
export function unanswered(reply: Reply, root: string): string[] {
  if (!reply.speech.trim()) return ['says nothing'];
  return reply.speech.includes(errorAnswer(root)) ? [`reached the error handler: ${quoted(reply.speech)}`] : [];
}

/** No dead end: a response that keeps the session open asks a question and has a reprompt. */
export function deadEnd(reply: Reply): string[] {
  if (reply.endSession) return [];
  const problems: string[] = [];
  if (!reply.speech.trim().endsWith('?')) problems.push(`keeps the session open but asks no question: ${quoted(reply.speech)}`);
  if (!reply.reprompt?.trim()) problems.push('keeps the session open with no reprompt');
  return problems;
}

/** An ending: the session closes, with no reprompt and no question left hanging. */
export function notEnding(reply: Reply): string[] {
  if (!reply.endSession) return [`keeps the session open: ${quoted(reply.speech)}`];
  const problems: string[] = [];
  if (reply.reprompt) problems.push('ends the session but has a reprompt');
  if (reply.speech.trim().endsWith('?')) problems.push(`ends the session on a question: ${quoted(reply.speech)}`);
  return problems;
}
