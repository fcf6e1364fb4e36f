import type { HandlerInput } from 'ask-sdk-core';
import { readUserData, writeUserPart } from '../../persistence/userData';
import { readProgress, readSceneProgress, type RehearsalProgress, type SceneProgress } from '../../rehearsal';

// Session attributes owned by rehearsal: the scene being played, and whether how it works was explained.
const SCENE = 'rehearsal';
const EXPLAINED = 'rehearsalExplained';
// The user data part owned by rehearsal.
const PART = 'rehearsal';

/** The scene being played in this session, or null when not rehearsing. */
export function sceneInSession(input: HandlerInput): SceneProgress | null {
  return readSceneProgress(input.attributesManager.getSessionAttributes()[SCENE]);
}

export function setSceneInSession(input: HandlerInput, scene: SceneProgress | null): void {
  const attributes = input.attributesManager.getSessionAttributes();
  if (scene) {
    attributes[SCENE] = scene;
    attributes[EXPLAINED] = true;
  } else {
    delete attributes[SCENE];
  }
  input.attributesManager.setSessionAttributes(attributes);
}

export const explainedInSession = (input: HandlerInput): boolean => input.attributesManager.getSessionAttributes()[EXPLAINED] === true;

/** The user's stored rehearsal progress; none when there is no store or it fails. */
export async function storedProgress(input: HandlerInput): Promise<RehearsalProgress> {
  return readProgress((await readUserData(input))[PART]);
}

/** Saves progress; a failing store is logged by userData and never stops the answer. */
export async function saveProgress(input: HandlerInput, progress: RehearsalProgress): Promise<void> {
  await writeUserPart(input, PART, progress);
}
