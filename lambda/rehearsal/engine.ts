import { MOVES } from './moves';
import { SCENES, sceneSpec } from './scenes';
import type { Nation } from '../guidance/types';
import type { Feedback, Line, MoveId, RehearsalProgress, SceneEnding, SceneId, SceneProgress, SceneSpec, Verdict } from './types';

/** What one turn of a rehearsal comes to: where the scene is now, what to say, and the verdict. */
export interface Turn {
  readonly progress: SceneProgress;
  readonly lines: readonly Line[];
  /** The move recognised (after the scene's own reading of it), or null. */
  readonly move: MoveId | null;
  readonly verdict: Verdict | null;
  /** True when the scene is over after this turn. */
  readonly over: boolean;
  /** True when this very turn brought the scene to its end: its summary is still to be spoken after these lines. */
  readonly endsScene: boolean;
}

/** How a scene went: the key moves made and missed, and the one to remember. */
export interface Summary {
  readonly made: readonly MoveId[];
  readonly missed: readonly MoveId[];
  /** The move to remember: the most important one missed, else a risky one to avoid, else none. */
  readonly remember: { readonly move: MoveId; readonly avoid: boolean } | null;
}

export const isOver = (p: SceneProgress): boolean => p.beat >= sceneSpec(p.scene).beats.length;

/** The moment of the scene waiting for a move; none once it is over. */
export const beatLine = (p: SceneProgress): Line[] => {
  const beat = sceneSpec(p.scene).beats[p.beat];
  return beat ? [{ key: beat.key }] : [];
};

const addOnce = (list: readonly MoveId[], move: MoveId): MoveId[] => (list.includes(move) ? [...list] : [...list, move]);

function newScene(scene: SceneId): SceneProgress {
  return { scene, beat: 0, made: [], unsafe: [] };
}

/** The opening of a scene: how rehearsal works (first time in a session), the setting, the first beat. */
export function openScene(scene: SceneId, explain: boolean): Turn {
  const progress = newScene(scene);
  return {
    progress,
    lines: [...(explain ? [{ key: 'rehearsal.start.howItWorks' }] : []), { key: sceneSpec(scene).settingKey }, ...beatLine(progress)],
    move: null,
    verdict: null,
    over: false,
    endsScene: false,
  };
}

/** Back into a scene left part-way: where it was, then the beat that was waiting. */
export function resumeScene(progress: SceneProgress): Turn {
  const atBeat = isOver(progress) ? newScene(progress.scene) : progress;
  return {
    progress: atBeat,
    lines: [{ key: 'rehearsal.resume.pickUp' }, { key: sceneSpec(progress.scene).settingKey }, ...beatLine(atBeat)],
    move: null,
    verdict: null,
    over: false,
    endsScene: false,
  };
}

/** The key move to suggest next: the most important one not yet made in this scene. */
function suggestion(progress: SceneProgress): MoveId {
  const scene = sceneSpec(progress.scene);
  const first = scene.keyMoves[0] ?? 'warrant_card';
  return scene.keyMoves.find((m) => !progress.made.includes(m)) ?? first;
}

/** A move as a hint, in this scene's words. */
export const hintKey = (scene: SceneId, move: MoveId): string => {
  const own = sceneSpec(scene).remember[move];
  return own ? `${own}.hint` : MOVES[move].hintKey;
};

/** A move as the one to remember, in this scene's words. */
export const rememberKey = (scene: SceneId, move: MoveId): string => {
  const own = sceneSpec(scene).remember[move];
  return own ? `${own}.remember` : MOVES[move].rememberKey;
};

/** A hint: a move to try, and the scene waits where it was. */
export function hint(progress: SceneProgress, lead: readonly Line[] = []): Turn {
  return {
    progress,
    lines: [...lead, { key: hintKey(progress.scene, suggestion(progress)) }],
    move: null,
    verdict: 'hint',
    over: isOver(progress),
    endsScene: false,
  };
}

/** The feedback for a move in this scene, in the words the user's nation needs, and its verdict. */
function feedbackFor(scene: SceneSpec, said: MoveId, move: MoveId, nation: Nation | null): { feedback: Feedback; verdict: Verdict | null } {
  const own = scene.feedback[said] ?? scene.feedback[move];
  const usual = own ?? MOVES[move].feedback;
  const verdict = own && own.verdict !== undefined ? own.verdict : MOVES[move].verdict;
  return { feedback: (nation ? usual.nations?.[nation] : undefined) ?? usual, verdict };
}

/**
 * The user's move, judged in this scene, in the words for the nation they are in (null: not known).
 * A good or partial move moves the scene on; a risky one is corrected calmly and the same moment is
 * played again, so the better move can be practised; a move that has no place in the scene gets a
 * pointer and a hint.
 */
export function play(progress: SceneProgress, said: MoveId, nation: Nation | null = null): Turn {
  const scene = sceneSpec(progress.scene);
  const move = scene.sameAs[said] ?? said;
  const { feedback, verdict } = feedbackFor(scene, said, move, nation);
  const judged: Line = { key: feedback.key };
  if (isOver(progress)) {
    const made = verdict === 'good' || verdict === 'partial' ? addOnce(progress.made, move) : progress.made;
    return { progress: { ...progress, made }, lines: [judged], move, verdict, over: true, endsScene: false };
  }
  if (verdict === null) {
    return { ...hint(progress, [judged]), move, verdict: null };
  }
  if (verdict === 'unsafe') {
    return {
      progress: { ...progress, unsafe: addOnce(progress.unsafe, move) },
      lines: [judged, { key: 'rehearsal.again' }, ...beatLine(progress)],
      move,
      verdict,
      over: false,
      endsScene: false,
    };
  }
  const next: SceneProgress = { ...progress, beat: progress.beat + 1, made: addOnce(progress.made, move) };
  return { progress: next, lines: [judged, ...beatLine(next)], move, verdict, over: isOver(next), endsScene: isOver(next) };
}

/** "Skip" or "next": on to the next beat, or the end of the scene. */
export function skip(progress: SceneProgress): Turn {
  const next: SceneProgress = { ...progress, beat: Math.min(progress.beat + 1, sceneSpec(progress.scene).beats.length) };
  const over = isOver(next);
  return {
    progress: next,
    lines: over ? [] : [{ key: 'rehearsal.skipped' }, ...beatLine(next)],
    move: null,
    verdict: null,
    over,
    endsScene: over && !isOver(progress),
  };
}

/** "Start again": the same scene from its first beat. */
export function restart(progress: SceneProgress): Turn {
  const opened = openScene(progress.scene, false);
  return { ...opened, lines: [{ key: 'rehearsal.fromTheTop' }, ...opened.lines] };
}

/** The summary spoken when a scene ends or the user stops: the key moves made, and the one to remember. */
export function summaryLines(progress: SceneProgress, ending: SceneEnding): Line[] {
  const { made, remember } = summarise(progress);
  return [
    { key: ending === 'stopped' ? 'rehearsal.summary.stopped' : 'rehearsal.summary.over' },
    ...(made.length ? made.map((m) => ({ key: MOVES[m].doneKey })) : [{ key: 'rehearsal.summary.noneMade' }]),
    { key: remember ? rememberKey(progress.scene, remember.move) : 'rehearsal.summary.allMade' },
  ];
}

export function summarise(progress: SceneProgress): Summary {
  const scene = sceneSpec(progress.scene);
  const made = scene.keyMoves.filter((m) => progress.made.includes(m));
  const missed = scene.keyMoves.filter((m) => !progress.made.includes(m));
  const risky = progress.unsafe[0];
  const remember = missed[0] ? { move: missed[0], avoid: false } : risky ? { move: risky, avoid: true } : null;
  return { made, missed, remember };
}

/**
 * The scene to play: the one asked for; else the one after the scene just played; else the first
 * the user has not finished yet; else the first.
 */
export function chooseScene(progress: RehearsalProgress, asked: SceneId | null, after: SceneId | null = null): SceneId {
  if (asked) return asked;
  const ids = SCENES.map((s) => s.id);
  if (after) return ids[(ids.indexOf(after) + 1) % ids.length] ?? ids[0] ?? 'quiet_street';
  return ids.find((id) => !progress.scenesDone.includes(id)) ?? ids[0] ?? 'quiet_street';
}
