import type { HandlerInput } from 'ask-sdk-core';
import { readUserData, saveFailureToTell, writeUserPart } from '../../persistence/userData';
import type { Line } from '../../speech/ssml';
import { readProgress, readSceneProgress, type RehearsalProgress, type SceneProgress } from '../../rehearsal';
import { ownedSessionAttributes, setOwnedSessionAttribute } from './session';

// Session attributes owned by rehearsal: the scene being played, and whether how it works was explained.
const SCENE = 'rehearsal';
const EXPLAINED = 'rehearsalExplained';
// The user data part owned by rehearsal.
const PART = 'rehearsal';

/** The scene being played in this session, or null when not rehearsing. */
export function sceneInSession(input: HandlerInput): SceneProgress | null {
  return readSceneProgress(ownedSessionAttributes(input)?.[SCENE]);
}

export function setSceneInSession(input: HandlerInput, scene: SceneProgress | null): void {
  setOwnedSessionAttribute(input, SCENE, scene ?? undefined);
  if (scene) setOwnedSessionAttribute(input, EXPLAINED, true);
}

export const explainedInSession = (input: HandlerInput): boolean => ownedSessionAttributes(input)?.[EXPLAINED] === true;

/** The user's stored rehearsal progress; none when there is no store or it fails. */
export async function storedProgress(input: HandlerInput): Promise<RehearsalProgress> {
  return readProgress((await readUserData(input))[PART]);
}

/** Saves progress; a failing store is logged by userData and never stops the answer. */
export async function saveProgress(input: HandlerInput, progress: RehearsalProgress): Promise<void> {
  await writeUserPart(input, PART, progress);
}

/** A calm word, once a session, when progress could not be saved. */
export const unsavedNotice = (input: HandlerInput): Line[] => (saveFailureToTell(input) ? [{ key: 'rehearsal.notSaved' }] : []);
