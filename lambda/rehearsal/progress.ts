import { summarise } from './engine';
import { MOVES } from './moves';
import { sceneSpec, sceneWithId } from './scenes';
import type { MoveId, RehearsalProgress, SceneEnding, SceneId, SceneProgress } from './types';
import { isRecord } from '../util/isRecord';

export const NO_PROGRESS: RehearsalProgress = { scenesDone: [], missed: [], unfinished: null };

const isScene = (x: unknown): x is SceneId => sceneWithId(x) !== null;
const isMove = (x: unknown): x is MoveId => typeof x === 'string' && Object.prototype.hasOwnProperty.call(MOVES, x);
const listOf = <T>(x: unknown, ok: (y: unknown) => y is T): T[] | null =>
  Array.isArray(x) && x.length <= 40 && x.every(ok) ? [...new Set(x)] : null;

/** A scene part-way through, from the session or the store; anything malformed reads as none. */
export function readSceneProgress(raw: unknown): SceneProgress | null {
  if (!isRecord(raw) || !isScene(raw.scene)) return null;
  const beats = sceneSpec(raw.scene).beats.length;
  const beat = raw.beat;
  if (typeof beat !== 'number' || !Number.isInteger(beat) || beat < 0 || beat > beats) return null;
  const made = listOf(raw.made, isMove);
  const unsafe = listOf(raw.unsafe, isMove);
  if (!made || !unsafe) return null;
  return { scene: raw.scene, beat, made, unsafe };
}

/** The stored progress (user data part 'rehearsal'); a malformed store reads as no progress. */
export function readProgress(raw: unknown): RehearsalProgress {
  if (!isRecord(raw)) return NO_PROGRESS;
  return {
    scenesDone: listOf(raw.scenesDone, isScene) ?? [],
    missed: listOf(raw.missed, isMove) ?? [],
    unfinished: readSceneProgress(raw.unfinished),
  };
}

/** Saved as the scene goes, because a session that times out may never say goodbye. */
export function withUnfinished(progress: RehearsalProgress, scene: SceneProgress): RehearsalProgress {
  return { ...progress, unfinished: scene };
}

/**
 * A scene that ended, finished or stopped by the user: its key moves not made become the ones missed,
 * once the user has made at least one move (stopping at the first line misses nothing).
 */
export function withEnded(progress: RehearsalProgress, scene: SceneProgress, ending: SceneEnding): RehearsalProgress {
  const finished = ending === 'finished';
  const tried = finished || scene.made.length > 0 || scene.unsafe.length > 0;
  return {
    scenesDone: finished && !progress.scenesDone.includes(scene.scene) ? [...progress.scenesDone, scene.scene] : progress.scenesDone,
    missed: tried ? summarise(scene).missed : progress.missed,
    unfinished: null,
  };
}

export function withoutUnfinished(progress: RehearsalProgress): RehearsalProgress {
  return { ...progress, unfinished: null };
}
