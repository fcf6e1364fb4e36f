/**
 * Rehearsal: the user role-plays a stop out loud. Alexa sets a scene and plays the officer; each thing
 * the user says arrives as an intent, is read as a move, and gets a verdict and a line of feedback.
 * Pure data and logic: nothing here imports the SDK, so any channel can run a rehearsal.
 */

import type { Nation } from '../guidance/types';
import type { MoveId } from './moves';
import type { SceneId } from './scenes';

export type { MoveId } from './moves';
export type { SceneId } from './scenes';

/** A fact-sheet row behind a piece of feedback, such as "A3" (../shared/guidance/uk-facts.md). */
export type FactRowId = string;

/** The batch contract's verdicts: a right move, a disputed one, a risky one, or a hint given. */
export type Verdict = 'good' | 'partial' | 'unsafe' | 'hint';

export type { Line } from '../locales/line';

/** How a scene came to an end: played to its last beat, or stopped by the user part-way. */
export type SceneEnding = 'finished' | 'stopped';

/** Words for a move's feedback, and the fact-sheet rows they rest on. */
export interface Feedback {
  readonly key: string;
  readonly rows: readonly FactRowId[];
  /** A scene can judge a move differently (driving on is right in a car, meaningless on foot). */
  readonly verdict?: Verdict | null;
  /** Other words where the user's nation needs them (in Northern Ireland, never "you don't have to stop"). */
  readonly nations?: Partial<Record<Nation, Feedback>>;
}

export interface MoveSpec {
  readonly id: MoveId;
  readonly verdict: Verdict;
  readonly feedback: Feedback;
  /** "You asked for the warrant card.": the move in the end-of-scene summary. */
  readonly doneKey: string;
  /** "Here's one to try: ask to see their warrant card...". */
  readonly hintKey: string;
  /** "One to remember next time: ..." (for a risky move, what to do instead). */
  readonly rememberKey: string;
  /** "Last time you practised, the warrant card slipped your mind.": the next launch, if it was missed. */
  readonly slippedKey: string;
  /** The intent that makes this move and its answer outside a rehearsal; null when only a guidance intent makes it. */
  readonly intent: { readonly name: string; readonly outsideRehearsal: string } | null;
}

/** One moment of a scene: what the officer says or does, waiting for the user's move. */
interface Beat {
  readonly key: string;
}

export interface SceneSpec {
  readonly id: SceneId;
  /** "You were part-way through the front door scene.": offered again at the next launch. */
  readonly unfinishedKey: string;
  /** Where you are and who approaches; spoken before the first beat. */
  readonly settingKey: string;
  readonly beats: readonly Beat[];
  /** The moves this scene is about, most important first: the summary and hints follow this order. */
  readonly keyMoves: readonly MoveId[];
  /** Feedback that differs in this scene (for drivers, only the fact sheet's section I). */
  readonly feedback: Partial<Record<MoveId, Feedback>>;
  /** Where this scene needs other words for a move's hint and "one to remember": the stem of both keys. */
  readonly remember: Partial<Record<MoveId, string>>;
  /** Moves that stand for another here (on the road, getting somewhere safe means driving on). */
  readonly sameAs: Partial<Record<MoveId, MoveId>>;
}

/** Where a rehearsal has got to, kept in the session and saved as it goes. */
export interface SceneProgress {
  readonly scene: SceneId;
  /** The beat waiting for a move; beats.length means the scene is over. */
  readonly beat: number;
  /** Good and partial moves made, in order, each once. */
  readonly made: readonly MoveId[];
  /** Risky moves made, each once. */
  readonly unsafe: readonly MoveId[];
}

/** What is kept about a user's rehearsals between sessions (user data part 'rehearsal'). */
export interface RehearsalProgress {
  readonly scenesDone: readonly SceneId[];
  /** Key moves missed in the last scene that was finished or stopped, most important first. */
  readonly missed: readonly MoveId[];
  /** A scene left part-way (a session that timed out), to offer at the next launch. */
  readonly unfinished: SceneProgress | null;
}
