import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Line } from '../speech/ssml';
import { DANGER_ENTRY, entryById, GUIDANCE, MAIN_ENTRY, pagesOf, type GuidanceEntry } from '../guidance';
import {
  DONT_KNOW_INTENT, MOVES_BY_INTENT, SCENE_SLOT, START_INTENT, beatLine, chooseScene, hint, isOver, openScene, play, restart,
  resumeScene, sceneWithId, skip, summaryLines, withEnded, withUnfinished, withoutUnfinished,
  type MoveId, type RehearsalProgress, type SceneId, type SceneProgress, type Turn,
} from '../rehearsal';
import { ANSWER_LENGTH_INTENTS, changeAnswerLength } from './answerLength';
import { AFTER_SETTING_SLOT } from './settingAnswer';
import { declineOffer } from './declineOffer';
import { FORGET_ME_INTENT, forgetMe } from './forgetMe';
import { helpAnswer } from './help';
import { navigateHomeHandler } from './launch';
import { changeNation, SET_NATION_INTENT } from './nation';
import { phoneCardFor, SEND_TO_PHONE_INTENT, type PhoneCard } from './sendToPhone';
import { keepPlace, knownNation, speakPage, viewFor } from './support/guidanceAnswer';
import { forIntents, intentOf, type IntentHandler } from './support/matchers';
import { respond } from './support/respond';
import { beforeDangerAnswer, IN_DANGER_NOW } from './support/safetyNet';
import { changeRate, SPEECH_RATE_INTENTS } from './speechRate';
import {
  explainedInSession, saveProgress, sceneInSession, setSceneInSession, stopSavingPractice, storedProgress, unsavedNotice,
} from './support/rehearsalState';
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
  const opened = openScene(scene, !explainedInSession(input));
  // 999 first: a frightened person's words may be taken for asking to practise.
  return speakTurn(input, { ...opened, lines: [IN_DANGER_NOW, ...opened.lines] });
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
  return declineOffer(input);
}

/** What is done with something said while a scene is played. */
type SceneAction = (input: HandlerInput, scene: SceneProgress) => Promise<Response> | Response;

/** True when the last thing said was the real danger answer, given in the middle of the scene. */
const afterRealDanger = (input: HandlerInput): boolean => conversationOf(input).last?.offer === 'carryOnPractising';

/** The practice left after the real danger answer: forgotten, not judged, and not offered again. */
async function leaveAfterRealDanger(input: HandlerInput): Promise<void> {
  await saveProgress(input, withoutUnfinished(await storedProgress(input)));
  setSceneInSession(input, null);
}

/** Stop or cancel while rehearsing: the summary (unless it was just given), and goodbye. */
const stopRehearsal: SceneAction = async (input, scene) => {
  if (afterRealDanger(input)) {
    await leaveAfterRealDanger(input);
    return respond(input, { topic: 'stop', lines: [{ key: 'stop.goodbye' }], close: 'end' });
  }
  const over = isOver(scene);
  if (!over) await saveProgress(input, withEnded(await storedProgress(input), scene, 'stopped'));
  setSceneInSession(input, null);
  return respond(input, {
    topic: 'rehearse',
    // 999 first: "stop" is easy to hear in the words of someone for whom this has become real.
    lines: [IN_DANGER_NOW, ...(over ? [] : summaryLines(scene, 'stopped')), { key: 'rehearsal.goodbye' }],
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
 * move: the change is said, and then the moment that was waiting, as after any aside (not the last
 * reply, which may itself have been an aside: help, or another setting).
 */
const setting = (change: (input: HandlerInput) => Promise<Line[]>): SceneAction => async (input, scene) => {
  // The answer read before the practice keeps its place, at the new length or in the nation named.
  const readIn = viewFor(input, conversationOf(input).nation);
  const said = await change(input);
  keepPlace(input, readIn);
  if (afterRealDanger(input)) {
    const then = resolvedSlotId(input, AFTER_SETTING_SLOT);
    // "Slower, and carry on" to carrying on practising: a yes, with the change.
    if (then === 'on') {
      const turn = resumeScene(scene);
      return speakTurn(input, { ...turn, lines: [...said, ...turn.lines] });
    }
    // "Slower, say that again": the danger answer again, 999 still first.
    if (then === 'again') {
      return respond(input, {
        topic: 'danger',
        lines: [...beforeDangerAnswer(said), ...firstAnswerOf(DANGER_ENTRY)],
        close: 'carryOnPractising',
        rehearsal: report(scene),
      });
    }
  }
  return asideThenScene(input, scene, said);
};

/**
 * Something answered in the middle of the scene (where the advice comes from, a card sent to the
 * app), then "back to the scene" and the moment that was waiting; nothing is judged as a move.
 */
function asideThenScene(input: HandlerInput, scene: SceneProgress, said: readonly Line[], card?: PhoneCard['card']): Response {
  // After the real danger answer the scene waits for "yes" to carrying on: that question is asked again.
  if (afterRealDanger(input)) return askToCarryOn(input, scene, said, card);
  const over = isOver(scene);
  return respond(input, {
    topic: 'rehearse',
    lines: [...said, ...(over ? [] : [{ key: 'rehearsal.backToScene' }, ...beatLine(scene)])],
    ...(card ? { card } : {}),
    close: over ? 'anotherScene' : 'rehearsalMove',
    rehearsal: report(scene),
  });
}

/** What was said, then "Would you like to carry on practising?" again; the scene waits where it was. */
const askToCarryOn = (input: HandlerInput, scene: SceneProgress, said: readonly Line[], card?: PhoneCard['card']): Response =>
  respond(input, { topic: 'rehearse', lines: said, ...(card ? { card } : {}), close: 'carryOnPractising', rehearsal: report(scene) });

/** A guidance entry's first answer, whole: a scene has no "more" pages of its own. */
const firstAnswerOf = (entry: GuidanceEntry): Line[] => (pagesOf(entry, null)[0] ?? []).map((part) => ({ key: part.key }));

/** A guidance entry's first answer, given in the middle of the scene, then back to it. */
const asideAnswer = (entry: GuidanceEntry): SceneAction => (input, scene) => asideThenScene(input, scene, firstAnswerOf(entry));

/** The entry being read, or the overview (the steps a scene practises): every step, as a card in the app. */
const sendToPhoneMidScene: SceneAction = (input, scene) => {
  // After the real danger answer, its steps; otherwise those of the answer being read, or of a stop.
  const entry = (afterRealDanger(input) ? DANGER_ENTRY : entryById(conversationOf(input).entry)) ?? MAIN_ENTRY;
  const phone = phoneCardFor(input, entry);
  return asideThenScene(input, scene, phone.lines, phone.card);
};

/**
 * The user says the danger is real, now: the real danger answer, whole, with no practice verdict,
 * then the offer to carry on practising. The scene is kept where it was, for "yes". Nothing is
 * stored first: this answer waits on no store (a session that ends here forgets the scene then).
 */
const realDanger = (entry: GuidanceEntry): SceneAction => (input, scene) => respond(input, {
  topic: entry.topic,
  lines: firstAnswerOf(entry),
  cardTitleKey: entry.titleKey,
  close: 'carryOnPractising',
  rehearsal: report(scene),
});

/**
 * The session ended while "carry on practising?" waited after the real danger answer: the scene
 * left part-way is forgotten, so the next launch does not offer it. (Alexa sends the end of a
 * session when it times out or the user leaves; one it never sends leaves the scene offered.)
 */
export async function forgetSceneAfterRealDanger(input: HandlerInput): Promise<void> {
  if (afterRealDanger(input) && sceneInSession(input)) await saveProgress(input, withoutUnfinished(await storedProgress(input)));
}

/** "Yes" after the real danger answer: back to the scene where it was. */
const carryOn: SceneAction = (input, scene) => speakTurn(input, resumeScene(scene));

/** "No" after the real danger answer: the practice is left there, calmly, and the skill stays. */
const leavePractice: SceneAction = async (input) => {
  await leaveAfterRealDanger(input);
  return declineOffer(input, [{ key: 'rehearsal.practiceLeft' }]);
};

/** "No" to another scene, once one is over: turned down like any offer; the skill stays. */
const declineAnotherScene: SceneAction = (input) => {
  setSceneInSession(input, null);
  return declineOffer(input);
};

/**
 * "Forget me" is honoured at once; the scene goes on where it was, with nothing of it kept: the moves
 * made so far are dropped, and nothing of this practice is saved again this session.
 */
const forgetMeMidScene: SceneAction = async (input, scene) => {
  const said = await forgetMe(input);
  stopSavingPractice(input);
  const unjudged: SceneProgress = { ...scene, made: [], unsafe: [] };
  setSceneInSession(input, unjudged);
  return asideThenScene(input, unjudged, [...said, { key: 'rehearsal.practiceNotSaved' }]);
};

/** One action after the real danger answer (its offer to carry on), another otherwise. */
const afterDangerOr = (then: SceneAction, otherwise: SceneAction): SceneAction =>
  (input, scene) => (afterRealDanger(input) ? then : otherwise)(input, scene);

/** One action while the scene is still played, another once it is over. */
const untilOver = (playing: SceneAction, over: SceneAction): SceneAction =>
  (input, scene) => (isOver(scene) ? over : playing)(input, scene);

/** Out of the scene, for another handler; after the real danger answer, the practice is left there. */
const leaveSceneFor = (handler: RequestHandler): SceneAction => async (input) => {
  if (afterRealDanger(input)) await leaveAfterRealDanger(input);
  else setSceneInSession(input, null);
  return handler.handle(input);
};

const turnOf = (next: (scene: SceneProgress) => Turn): SceneAction => (input, scene) => speakTurn(input, next(scene));
/** A move, judged in the words for the nation the user is in. */
const playMove = (move: MoveId): SceneAction => (input, scene) => speakTurn(input, play(scene, move, knownNation(input)));
/**
 * After the real danger answer, what is neither yes, no nor a move (help, "I don't know", words the
 * skill did not catch) gives no hint and does not play the scene on: 999 first, and the offer again.
 */
const askCarryOnAgain: SceneAction = (input, scene) => askToCarryOn(input, scene, [IN_DANGER_NOW]);
/** A gentle hint, after `lead`, and the scene waits. */
const hintAfter = (...lead: Line[]): SceneAction => afterDangerOr(askCarryOnAgain, turnOf((scene) => hint(scene, lead)));
const anotherScene: SceneAction = (input, scene) => startRehearsal(input, null, scene.scene);

/** What a guidance question asked mid-scene does: its move, a hint, or its own answer (see GuidanceEntry.inRehearsal). */
function inScene(entry: GuidanceEntry): SceneAction {
  switch (entry.inRehearsal) {
    case 'hint': return hintAfter();
    case 'real': return realDanger(entry);
    case 'aside': return asideAnswer(entry);
    default: return playMove(entry.inRehearsal);
  }
}

/** A guidance question asked mid-scene, as inScene says; once the scene is over, it is answered. */
const asQuestion = (entry: GuidanceEntry): SceneAction => {
  const anywhere = leaveSceneFor(topicHandler);
  const inPractice = untilOver(inScene(entry), anywhere);
  // After the real danger answer, a question is answered as anywhere, not played as a move or hinted
  // at (danger said again is still the danger answer; where the advice comes from is still an aside).
  return entry.inRehearsal === 'real' || entry.inRehearsal === 'aside' ? inPractice : afterDangerOr(anywhere, inPractice);
};

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
  [FORGET_ME_INTENT, forgetMeMidScene],
  [SEND_TO_PHONE_INTENT, sendToPhoneMidScene],
  // "Carry on" or "keep going" to the offer after the real danger answer means yes, not "skip this moment".
  ['AMAZON.NextIntent', untilOver(afterDangerOr(carryOn, turnOf(skip)), anotherScene)],
  ['AMAZON.MoreIntent', untilOver(afterDangerOr(carryOn, turnOf(skip)), anotherScene)],
  ['AMAZON.YesIntent', untilOver(afterDangerOr(carryOn, notAMove), anotherScene)],
  ['AMAZON.NoIntent', untilOver(afterDangerOr(leavePractice, notAMove), declineAnotherScene)],
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
