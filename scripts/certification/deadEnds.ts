import type { Check, Submission } from './context';
import { deadEnd, talk, unanswered } from './talk';

const REHEARSAL_INTENT = 'StartRehearsalIntent';

/** The practice stops a user can ask for by name: the ids of the rehearsal intent's slot type. */
function sceneStarts(submission: Submission): string[] {
  const slot = submission.model.intents.find((intent) => intent.name === REHEARSAL_INTENT)?.slots[0];
  const type = submission.model.types.find((candidate) => candidate.name === slot?.type);
  return [REHEARSAL_INTENT, ...(slot && type ? type.values.map((value) => `${REHEARSAL_INTENT} ${slot.name}=${value.id}`) : [])];
}

export const deadEndCheck: Check = {
  name: 'no dead end: every response that keeps the session open asks a question and has a reprompt',
  run: async (submission: Submission) => {
    const problems: string[] = [];
    const intents = submission.model.intents.map((intent) => intent.name);
    // Every intent as the first request, after opening, and at the start of every practice stop.
    for (const start of [null, '', ...sceneStarts(submission)]) {
      for (const intent of intents) {
        const conversation = await talk(submission, 'intents');
        const path = start === null ? [intent] : [start, intent];
        for (const [index, request] of path.entries()) {
          const reply = index === 0 ? await conversation.invoke(request) : await conversation.turn(request);
          const at = `${path.slice(0, index + 1).map((step) => step || 'LaunchRequest').join(', then ')}`;
          problems.push(...[...unanswered(reply, submission.root), ...deadEnd(reply)].map((problem) => `${at}: ${problem}`));
          if (reply.endSession) break;
        }
      }
    }
    return [...new Set(problems)];
  },
};
