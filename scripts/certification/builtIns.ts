import type { Reply } from '../../simulator/conversation';
import type { Check, Submission } from './context';
import { deadEnd, notEnding, talk, unanswered } from './talk';

/** What a user says to ask for help or to leave, and the built-in intent Alexa maps it to. */
const SPOKEN = [
  { words: 'help', intent: 'AMAZON.HelpIntent', ends: false },
  { words: 'stop', intent: 'AMAZON.StopIntent', ends: true },
  { words: 'cancel', intent: 'AMAZON.CancelIntent', ends: true },
] as const;

/** Where in a conversation the built-ins are tried: just opened, and in the middle of a practice stop. */
const MOMENTS = [
  { name: 'after opening', start: '', rehearsing: false },
  { name: 'mid-rehearsal', start: 'StartRehearsalIntent', rehearsing: true },
] as const;

function behaviour(reply: Reply, ends: boolean, rehearsing: boolean, root: string): string[] {
  const problems = [...unanswered(reply, root), ...(ends ? notEnding(reply) : deadEnd(reply))];
  if (!ends && rehearsing && !reply.rehearsal) problems.push('leaves the practice stop (it should carry on where it was)');
  return problems;
}

export const builtInsCheck: Check = {
  name: 'help, stop, cancel and fallback: after opening and mid-rehearsal',
  run: async (submission: Submission) => {
    const problems: string[] = [];
    const understanding = await submission.understanding();
    // Which words reach the fallback is Alexa's choice, not the local NLU's; what the skill does with it is ours.
    const requests = [...SPOKEN, { words: null, intent: 'AMAZON.FallbackIntent', ends: false }];
    for (const moment of MOMENTS) {
      for (const request of requests) {
        const said = request.words === null ? 'the fallback' : `"${request.words}"`;
        const understood = request.words === null ? request.intent : (await understanding.understand(request.words)).intent;
        if (understood !== request.intent) problems.push(`${said} is understood as ${understood}, not ${request.intent}`);
        const conversation = await talk(submission, 'intents');
        const opened = await conversation.invoke(moment.start);
        if (moment.rehearsing && !opened.rehearsal) problems.push(`${moment.start} starts no practice stop`);
        const reply = await conversation.turn(understood);
        problems.push(...behaviour(reply, request.ends, moment.rehearsing, submission.root).map((problem) => `${said} ${moment.name}: ${problem}`));
      }
    }
    return [...new Set(problems)];
  },
};
