/** Asking to practise, from anywhere; its slot names the scene ("while driving", "I'm blind"). */
export const START_INTENT = 'StartRehearsalIntent';
/** The slot of START_INTENT; its resolved ids are scene ids (see SCENES). */
export const SCENE_SLOT = 'scene';

/** "I don't know": a hint inside a rehearsal. */
export const DONT_KNOW_INTENT = 'DontKnowMoveIntent';
