import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { getIntentName, getRequestType, getSlot } from '../askSdk';
import type { Response } from 'ask-sdk-model';
import type { Line } from '../speech/ssml';
import { entryById } from '../guidance';
import {
  DONT_KNOW_INTENT, GUIDANCE_FOR_MOVE_INTENT, MOVE_INTENTS, SCENE_SLOT, START_INTENT, TOPIC_INTENTS_AS_MOVES,
  chooseScene, hint, isOver, openScene, play, restart, resumeScene, sceneForSlotId, skip, summaryLines,
  withEnded, withUnfinished, withoutUnfinished, type SceneId, type SceneProgress, type Turn,
} from '../rehearsal';
import { ANSWER_LENGTH_INTENTS, changeAnswerLength } from './answerLength';
import { FORGET_ME_INTENT, forgetMeHandler } from './forgetMe';
import { helpAnswer } from './help';
import { navigateHomeHandler } from './launch';
import { speakPage } from './support/guidanceAnswer';
import { respond } from './support/respond';
import { changeRate, SPEECH_RATE_INTENTS } from './speechRate';
import { explainedInSession, saveProgress, sceneInSession, setSceneInSession, storedProgress, unsavedNotice } from './support/rehearsalState';
import { conversationOf } from './support/session';
import type { RehearsalReport } from './support/state';
import { topicHandler } from './topic';

const SUMMARY_CARD = 'rehearsal.cardTitle';

const intentName = (input: HandlerInput): string | null =>
  getRequestType(input.requestEnvelope) === 'IntentRequest' ? getIntentName(input.requestEnvelope) : null;

function askedScene(input: HandlerInput): SceneId | null {
  const values = getSlot(input.requestEnvelope, SCENE_SLOT)?.resolutions?.resolutionsPerAuthority
    ?.find((a) => a.status?.code === 'ER_SUCCESS_MATCH')?.values;
  return sceneForSlotId(values?.[0]?.value?.id ?? null);
}

const report = (scene: SceneProgress, turn?: Pick<Turn, 'move' | 'verdict'>): RehearsalReport =>
  ({ scene: scene.scene, move: turn?.move ?? null, verdict: turn?.verdict ?? null });

/**
 * Speaks a turn of a scene and saves where it got to. The scene's end adds the summary, records the
 * moves missed and offers another scene; otherwise the scene is saved as unfinished, because a
 * session that times out sends nothing more.
 */
async function speakTurn(input: HandlerInput, turn: Turn, wasOver: boolean): Promise<Response> {
  const stored = await storedProgress(input);
  const endsNow = turn.over && !wasOver;
  await saveProgress(input, endsNow ? withEnded(stored, turn.progress, true) : turn.over ? stored : withUnfinished(stored, turn.progress));
  setSceneInSession(input, turn.progress);
  return respond(input, {
    topic: 'rehearse',
    lines: [...unsavedNotice(input), ...(endsNow ? [...turn.lines, ...summaryLines(turn.progress, false)] : turn.lines)],
    // The summary also goes in a card, to read again later in the Alexa app.
    ...(endsNow ? { cardTitleKey: SUMMARY_CARD } : {}),
    close: turn.over ? 'anotherScene' : 'rehearsalMove',
    rehearsal: report(turn.progress, turn),
  });
}

/** Starts a scene: the one asked for, or the next one for this user. */
export async function startRehearsal(input: HandlerInput, asked: SceneId | null, after: SceneId | null = null): Promise<Response> {
  const scene = chooseScene(await storedProgress(input), asked, after);
  return speakTurn(input, openScene(scene, !explainedInSession(input)), false);
}

/** "Yes" to picking up the scene a timed-out session left part-way. */
export async function resumeRehearsal(input: HandlerInput): Promise<Response> {
  const unfinished = (await storedProgress(input)).unfinished;
  if (!unfinished) return startRehearsal(input, null);
  return speakTurn(input, resumeScene(unfinished), false);
}

/** "No" to picking it up: forget it, and ask what they would like instead. */
export async function declineResume(input: HandlerInput): Promise<Response> {
  await saveProgress(input, withoutUnfinished(await storedProgress(input)));
  return respond(input, { topic: null, lines: [{ key: 'yesNo.noThanks' }, { key: 'launch.examples' }], close: 'question' });
}

/** Stop or cancel while rehearsing: the summary (unless it was just given), and goodbye. */
async function stopRehearsal(input: HandlerInput, scene: SceneProgress): Promise<Response> {
  const over = isOver(scene);
  if (!over) await saveProgress(input, withEnded(await storedProgress(input), scene, false));
  setSceneInSession(input, null);
  return respond(input, {
    topic: 'rehearse',
    lines: [...(over ? [] : summaryLines(scene, true)), { key: 'rehearsal.goodbye' }],
    ...(over ? {} : { cardTitleKey: SUMMARY_CARD }),
    close: 'end',
    rehearsal: report(scene),
  });
}

/**
 * Settings asked for mid-scene (a slower voice, shorter answers) are honoured at once, not taken as
 * a move: the change is said, and then where the scene had got to, again.
 */
const SETTINGS: Readonly<Record<string, (input: HandlerInput) => Promise<Line[]>>> = {
  ...Object.fromEntries(SPEECH_RATE_INTENTS.map((name) => [name, changeRate])),
  ...Object.fromEntries(ANSWER_LENGTH_INTENTS.map((name) => [name, changeAnswerLength])),
};

async function settingDuringScene(input: HandlerInput, change: (input: HandlerInput) => Promise<Line[]>, scene: SceneProgress): Promise<Response> {
  const last = conversationOf(input).last;
  const said = await change(input);
  return respond(input, {
    topic: 'rehearse',
    lines: [...said, { key: 'rehearsal.backToScene' }, ...(last?.lines ?? [])],
    close: last?.offer ?? (isOver(scene) ? 'anotherScene' : 'rehearsalMove'),
    rehearsal: report(scene),
  });
}

function repeatTurn(input: HandlerInput, scene: SceneProgress): Response {
  const last = conversationOf(input).last;
  return respond(input, {
    topic: 'rehearse',
    lines: last?.lines ?? [],
    close: last?.offer ?? (isOver(scene) ? 'anotherScene' : 'rehearsalMove'),
    rehearsal: report(scene),
  });
}

/** Everything said while a scene is being played, read as part of the role play. */
async function duringScene(input: HandlerInput, name: string, scene: SceneProgress): Promise<Response> {
  const over = isOver(scene);
  switch (name) {
    case START_INTENT:
      return startRehearsal(input, askedScene(input), over ? scene.scene : null);
    case 'AMAZON.StopIntent':
    case 'AMAZON.CancelIntent':
      return stopRehearsal(input, scene);
    case 'AMAZON.RepeatIntent':
    case 'AMAZON.PreviousIntent':
      return repeatTurn(input, scene);
    case 'AMAZON.StartOverIntent':
      return speakTurn(input, restart(scene), false);
    case 'AMAZON.NavigateHomeIntent':
      setSceneInSession(input, null);
      return navigateHomeHandler.handle(input);
    case FORGET_ME_INTENT:
      // Honoured at once; the scene ends too, so nothing from before is saved again as it goes on.
      setSceneInSession(input, null);
      return forgetMeHandler.handle(input);
    case 'AMAZON.NextIntent':
    case 'AMAZON.MoreIntent':
      return over ? startRehearsal(input, null, scene.scene) : speakTurn(input, skip(scene), over);
    case 'AMAZON.YesIntent':
      if (over) return startRehearsal(input, null, scene.scene);
      break;
    case 'AMAZON.NoIntent':
      if (over) return stopRehearsal(input, scene);
      break;
    default:
      break;
  }
  const setting = SETTINGS[name];
  if (setting) return settingDuringScene(input, setting, scene);
  const moveFromIntent = MOVE_INTENTS[name];
  if (moveFromIntent) return speakTurn(input, play(scene, moveFromIntent), over);
  const asMove = TOPIC_INTENTS_AS_MOVES[name];
  if (asMove && over && topicHandler.canHandle(input)) {
    // The scene is over and a question came: leave the role play and answer it.
    setSceneInSession(input, null);
    return topicHandler.handle(input);
  }
  if (asMove && asMove !== 'hint') return speakTurn(input, play(scene, asMove), over);
  // "I don't know", help, something that isn't a move, or yes/no mid-scene: a gentle hint, and the scene waits.
  const lead = name === 'AMAZON.HelpIntent' ? [{ key: 'rehearsal.howTo' }]
    : name === DONT_KNOW_INTENT || asMove === 'hint' ? [] : [{ key: 'rehearsal.notSure' }];
  return speakTurn(input, hint(scene, lead), over);
}

/** Asking to practise, from anywhere; and while a scene is played, everything the user says. */
export const rehearsalHandler: RequestHandler = {
  canHandle: (input) => {
    const name = intentName(input);
    return name === START_INTENT || (name !== null && sceneInSession(input) !== null);
  },
  handle: async (input) => {
    const name = intentName(input) ?? '';
    const scene = sceneInSession(input);
    if (!scene) return startRehearsal(input, askedScene(input));
    return duringScene(input, name, scene);
  },
};

/** Outside a rehearsal, a move is a question about it: the closest guidance entry, or help. */
export const moveOutsideRehearsalHandler: RequestHandler = {
  canHandle: (input) => {
    const name = intentName(input);
    return name === DONT_KNOW_INTENT || (name !== null && GUIDANCE_FOR_MOVE_INTENT[name] !== undefined);
  },
  handle: (input) => {
    const entry = entryById(GUIDANCE_FOR_MOVE_INTENT[intentName(input) ?? ''] ?? null);
    return entry ? speakPage(input, entry, 0, null) : helpAnswer(input);
  },
};
