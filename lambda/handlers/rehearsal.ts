import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Line } from '../speech/ssml';
import { entryById, GUIDANCE, type GuidanceEntry } from '../guidance';
import {
  DONT_KNOW_INTENT, MOVES_BY_INTENT, SCENE_SLOT, START_INTENT, chooseScene, hint, isOver, openScene, play, restart,
  resumeScene, sceneWithId, skip, summaryLines, withEnded, withUnfinished, withoutUnfinished,
  type MoveId, type RehearsalProgress, type SceneId, type SceneProgress, type Turn,
} from '../rehearsal';
import { ANSWER_LENGTH_INTENTS, changeAnswerLength } from './answerLength';
import { FORGET_ME_INTENT, forgetMeHandler } from './forgetMe';
import { helpAnswer } from './help';
import { navigateHomeHandler } from './launch';
import { changeNation, SET_NATION_INTENT } from './nation';
import { knownNation, speakPage } from './support/guidanceAnswer';
import { forIntents, intentOf, type IntentHandler } from './support/matchers';
import { respond } from './support/respond';
import { changeRate, SPEECH_RATE_INTENTS } from './speechRate';
import { explainedInSession, saveProgress, sceneInSession, setSceneInSession, storedProgress, unsavedNotice } from './support/rehearsalState';
import { conversationOf } from './support/session';
import { resolvedSlotId } from './support/slots';
import type { RehearsalReport, SpokenAnswer } from './support/state';
import { topicHandler } from './topic';

const SUMMARY_CARD = 'rehearsal.cardTitle';

const askedScene = (input: HandlerInput): SceneId | null => sceneWithId(resolvedSlotId(input, SCENE_SLOT));

const report = (scene: SceneProgress, turn?: Pick<Turn, 'move' | 'verdict'>): RehearsalReport =>
  ({ scene: scene.scene, move: turn?.move ?? null, verdict: turn?.verdict ?? null });

/** The user's stored progress after a turn: the scene finished, as it was (already over), or part-way. */
async function progressAfter(input: HandlerInput, turn: Turn): Promise<RehearsalProgress> {
  const stored = await storedProgress(input);
  if (turn.endsScene) return withEnded(stored, turn.progress, 'finished');
  return turn.over ? stored : withUnfinished(stored, turn.progress);
}

/**
 * Speaks a turn of a scene and saves where it got to. The scene's end adds the summary, records the
 * moves missed and offers another scene; otherwise the scene is saved as unfinished, because a
 * session that times out sends nothing more.
 */
async function speakTurn(input: HandlerInput, turn: Turn): Promise<Response> {
  await saveProgress(input, await progressAfter(input, turn));
  setSceneInSession(input, turn.progress);
  return respond(input, {
    topic: 'rehearse',
    lines: [...unsavedNotice(input), ...(turn.endsScene ? [...turn.lines, ...summaryLines(turn.progress, 'finished')] : turn.lines)],
    // The summary also goes in a card, to read again later in the Alexa app.
    ...(turn.endsScene ? { cardTitleKey: SUMMARY_CARD } : {}),
    close: turn.over ? 'anotherScene' : 'rehearsalMove',
    rehearsal: report(turn.progress, turn),
  });
}

/** Starts a scene: the one asked for, or the next one for this user (after `after`, the scene just played). */
export async function startRehearsal(input: HandlerInput, asked: SceneId | null, after: SceneId | null = null): Promise<Response> {
  const scene = chooseScene(await storedProgress(input), asked, after);
  return speakTurn(input, openScene(scene, !explainedInSession(input)));
}

/** "Yes" to picking up the scene a timed-out session left part-way. */
export async function resumeRehearsal(input: HandlerInput): Promise<Response> {
  const unfinished = (await storedProgress(input)).unfinished;
  if (!unfinished) return startRehearsal(input, null);
  return speakTurn(input, resumeScene(unfinished));
}

/** "No" to picking it up: forget it, and ask what they would like instead. */
export async function declineResume(input: HandlerInput): Promise<Response> {
  await saveProgress(input, withoutUnfinished(await storedProgress(input)));
  return respond(input, { topic: null, lines: [{ key: 'yesNo.noThanks' }, { key: 'launch.examples' }], close: 'question' });
}

/** What is done with something said while a scene is played. */
type SceneAction = (input: HandlerInput, scene: SceneProgress) => Promise<Response> | Response;

/** Stop or cancel while rehearsing: the summary (unless it was just given), and goodbye. */
const stopRehearsal: SceneAction = async (input, scene) => {
  const over = isOver(scene);
  if (!over) await saveProgress(input, withEnded(await storedProgress(input), scene, 'stopped'));
  setSceneInSession(input, null);
  return respond(input, {
    topic: 'rehearse',
    lines: [...(over ? [] : summaryLines(scene, 'stopped')), { key: 'rehearsal.goodbye' }],
    ...(over ? {} : { cardTitleKey: SUMMARY_CARD }),
    close: 'end',
    rehearsal: report(scene),
  });
};

/** What the last turn said, again, with its question; after `said` and "back to the scene" when given. */
function sceneAgain(input: HandlerInput, scene: SceneProgress, last: SpokenAnswer | null, said: readonly Line[] = []): Response {
  return respond(input, {
    topic: 'rehearse',
    lines: [...said, ...(said.length ? [{ key: 'rehearsal.backToScene' }] : []), ...(last?.lines ?? [])],
    close: last?.offer ?? (isOver(scene) ? 'anotherScene' : 'rehearsalMove'),
    rehearsal: report(scene),
  });
}

const repeatTurn: SceneAction = (input, scene) => sceneAgain(input, scene, conversationOf(input).last);

/**
 * A setting asked for mid-scene (a slower voice, shorter answers) is honoured at once, not taken as a
 * move: the change is said, and then where the scene had got to, again.
 */
const setting = (change: (input: HandlerInput) => Promise<Line[]>): SceneAction => async (input, scene) => {
  const last = conversationOf(input).last;
  return sceneAgain(input, scene, last, await change(input));
};

/** One action while the scene is still played, another once it is over. */
const untilOver = (playing: SceneAction, over: SceneAction): SceneAction =>
  (input, scene) => (isOver(scene) ? over : playing)(input, scene);

/** The scene ends here, and another handler answers instead. */
const leaveSceneFor = (handler: RequestHandler): SceneAction => (input) => {
  setSceneInSession(input, null);
  return handler.handle(input);
};

const turnOf = (next: (scene: SceneProgress) => Turn): SceneAction => (input, scene) => speakTurn(input, next(scene));
/** A move, judged in the words for the nation the user is in. */
const playMove = (move: MoveId): SceneAction => (input, scene) => speakTurn(input, play(scene, move, knownNation(input)));
/** A gentle hint, after `lead`, and the scene waits. */
const hintAfter = (...lead: Line[]): SceneAction => turnOf((scene) => hint(scene, lead));
const anotherScene: SceneAction = (input, scene) => startRehearsal(input, null, scene.scene);

/** A guidance question asked mid-scene counts as its move (or asks for a hint); once the scene is over, it is answered. */
const asQuestion = (entry: GuidanceEntry): SceneAction =>
  untilOver(entry.inRehearsal === 'hint' ? hintAfter() : playMove(entry.inRehearsal), leaveSceneFor(topicHandler));

/** Whatever else is said mid-scene (something that isn't a move, yes or no while it waits). */
const notAMove = hintAfter({ key: 'rehearsal.notSure' });

const actions: [string, SceneAction][] = [
  [START_INTENT, (input, scene) => startRehearsal(input, askedScene(input), isOver(scene) ? scene.scene : null)],
  ['AMAZON.StopIntent', stopRehearsal],
  ['AMAZON.CancelIntent', stopRehearsal],
  ['AMAZON.RepeatIntent', repeatTurn],
  ['AMAZON.PreviousIntent', repeatTurn],
  ['AMAZON.StartOverIntent', turnOf(restart)],
  ['AMAZON.NavigateHomeIntent', leaveSceneFor(navigateHomeHandler)],
  // Honoured at once; the scene ends too, so nothing from before is saved again as it goes on.
  [FORGET_ME_INTENT, leaveSceneFor(forgetMeHandler)],
  ['AMAZON.NextIntent', untilOver(turnOf(skip), anotherScene)],
  ['AMAZON.MoreIntent', untilOver(turnOf(skip), anotherScene)],
  ['AMAZON.YesIntent', untilOver(notAMove, anotherScene)],
  ['AMAZON.NoIntent', untilOver(notAMove, stopRehearsal)],
  ['AMAZON.HelpIntent', hintAfter({ key: 'rehearsal.howTo' })],
  [DONT_KNOW_INTENT, hintAfter()],
  ...SPEECH_RATE_INTENTS.map((name): [string, SceneAction] => [name, setting(changeRate)]),
  ...ANSWER_LENGTH_INTENTS.map((name): [string, SceneAction] => [name, setting(changeAnswerLength)]),
  [SET_NATION_INTENT, setting(changeNation)],
  ...[...MOVES_BY_INTENT].map(([name, move]): [string, SceneAction] => [name, playMove(move.id)]),
  ...GUIDANCE.map((entry): [string, SceneAction] => [entry.intent, asQuestion(entry)]),
];

/** Everything said while a scene is played, by intent, read as part of the role play. */
const DURING_SCENE: ReadonlyMap<string, SceneAction> = new Map(actions);
if (DURING_SCENE.size !== actions.length) throw new Error('an intent has two actions during a scene');

/** Asking to practise, from anywhere; and while a scene is played, everything the user says. */
export const rehearsalHandler: IntentHandler = {
  intents: [START_INTENT],
  canHandle: (input) => {
    const name = intentOf(input);
    return name === START_INTENT || (name !== null && sceneInSession(input) !== null);
  },
  handle: (input) => {
    const scene = sceneInSession(input);
    if (!scene) return startRehearsal(input, askedScene(input));
    return (DURING_SCENE.get(intentOf(input) ?? '') ?? notAMove)(input, scene);
  },
};

/** Outside a rehearsal, a move is a question about it: the closest guidance entry, or help. */
export const moveOutsideRehearsalHandler = forIntents(
  [DONT_KNOW_INTENT, ...MOVES_BY_INTENT.keys()],
  (input) => {
    const entry = entryById(MOVES_BY_INTENT.get(intentOf(input) ?? '')?.intent?.outsideRehearsal ?? null);
    return entry ? speakPage(input, entry, 0, knownNation(input)) : helpAnswer(input);
  },
);
