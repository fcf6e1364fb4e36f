import type { Feedback, MoveId, SceneSpec } from './types';

const beats = (scene: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `rehearsal.scenes.${scene}.beat${i + 1}` }));

const feedback = (scene: string, name: string, rows: readonly string[], verdict?: Feedback['verdict']): Feedback =>
  ({ key: `rehearsal.scenes.${scene}.feedback.${name}`, rows, ...(verdict !== undefined ? { verdict } : {}) });

/** On foot, seeing a car's signal has no place: said anyway, it gets a pointer and no verdict. */
const onFoot = (scene: string): Partial<Record<MoveId, Feedback>> => ({
  signal_seen: feedback(scene, 'notInCar', [], null),
});

/**
 * On foot, "staying put" and "going on to somewhere busy and lit" are what the drivers' moves mean
 * when said in the street ("I'll stay here under the lights while I ring"), so they count as standing
 * firm and getting to people (A2, A12, D1, D9).
 */
const ON_FOOT_SAME_AS: Partial<Record<MoveId, MoveId>> = { stay_locked: 'stand_firm', drive_on: 'safe_place' };

/** What a scene says about itself; its setting, four beats and the "part-way" line follow from its id. */
type SceneData = Pick<SceneSpec, 'keyMoves' | 'feedback'> & Partial<Pick<SceneSpec, 'remember' | 'sameAs'>>;

/**
 * The moment he wants you to go with him, up to an arrest: never into his car before the check; stay
 * where there are people, ask why, call 999 to check him and have officers sent; cooperate once the
 * call confirms him, and never fight a genuine officer (A1, A5, A13, C9, F2, F6). The words are the
 * night-street scene's, wherever a lone man wants you to come with him.
 */
const goingWithHim = (rowsOfCar: readonly string[], carKey = 'rehearsal.scenes.quiet_street.feedback.getInCar'): Partial<Record<MoveId, Feedback>> => ({
  go_with_them: { key: carKey, rows: rowsOfCar },
  come_quietly: feedback('quiet_street', 'comeQuietly', ['A1', 'A13', 'C9', 'C19', 'B3', 'B12', 'B6', 'F2']),
  refuse_to_go: feedback('quiet_street', 'refuseToGo', ['F2', 'F8', 'F9', 'A1', 'B3', 'B12']),
  check_before_going: feedback('quiet_street', 'checkBeforeGoing', ['A1', 'A13', 'C9', 'B3', 'B12', 'B6', 'F2']),
});

/**
 * The scenes, in the order they are offered, keyed by id; the id is also the scene's value of the
 * REHEARSAL_SCENE slot. Each differs in a way that matters: alone at night, busy by day, at home,
 * driving (only the fact sheet's section I facts), not able to see the card, and an officer in
 * uniform who wants you to come with him. A new scene is an entry here, its words under
 * rehearsal.scenes.<id> and its slot value in the interaction model.
 */
// Getting out of the car, said to a driver: stay locked in until you're sure (I8, I11, I16), as a
// card alone can be faked (E6), and call 999 yourself, hands-free, if frightened (I15, I23, I25).
const GET_OUT_ROWS = ['I8', 'I11', 'I16', 'E6', 'I15', 'I23', 'I25'];

const SCENE_DATA = {
  quiet_street: {
    keyMoves: ['warrant_card', 'call_to_check', 'colleagues', 'why_stopping', 'safe_place'],
    feedback: {
      ...onFoot('quiet_street'),
      ...goingWithHim(['A1', 'A5', 'A13', 'B3', 'B12', 'B6']),
    },
    sameAs: ON_FOOT_SAME_AS,
  },
  busy_street: {
    keyMoves: ['warrant_card', 'why_stopping', 'colleagues', 'call_to_check'],
    feedback: {
      ...onFoot('busy_street'),
      // A search: the officer must show the card and say who they are, what they're looking for and why (C1, C3, C15).
      why_stopping: feedback('busy_street', 'whySearch', ['C1', 'C3', 'C15', 'A3']),
    },
    sameAs: ON_FOOT_SAME_AS,
  },
  front_door: {
    keyMoves: ['warrant_card', 'call_to_check', 'stand_firm'],
    feedback: {
      // The doorstep is where 101 and "won't pressure you" belong: fraud and doorstep alerts (B4, B9, B10, B12).
      stay_locked: feedback('front_door', 'checkFirst', ['B4', 'B9', 'B10', 'B12']),
      stand_firm: feedback('front_door', 'checkFirst', ['B4', 'B9', 'B10', 'B12']),
      go_with_them: feedback('front_door', 'letIn', ['B4', 'B9', 'B10', 'B12', 'D1']),
      safe_place: feedback('front_door', 'danger', ['D1', 'D9', 'D8', 'B10']),
      drive_on: feedback('front_door', 'notInCar', [], null),
      signal_seen: feedback('front_door', 'notInCar', [], null),
      walk_away: feedback('front_door', 'walkAway', ['B4', 'B10', 'D1']),
      call_to_check: feedback('front_door', 'callToCheck', ['B4', 'B9', 'B10', 'B12']),
      radio_check: feedback('front_door', 'radio', ['A4', 'E6', 'B4', 'B10', 'B12'], 'partial'),
      // At the door, going along means opening up: check first, on 101 (B4, B9, B10, B12).
      come_quietly: feedback('front_door', 'letIn', ['B4', 'B9', 'B10', 'B12', 'D1'], 'partial'),
    },
    remember: { call_to_check: 'rehearsal.scenes.front_door.moves.call_to_check', stand_firm: 'rehearsal.scenes.front_door.moves.stand_firm' },
    // "I'm not coming out" is holding firm at the door; "not until I've checked" is the check itself.
    sameAs: { stay_locked: 'stand_firm', refuse_to_go: 'stand_firm', check_before_going: 'call_to_check' },
  },
  unmarked_car: {
    keyMoves: ['drive_on', 'stay_locked', 'warrant_card', 'call_to_check'],
    // Drivers: only section I facts. No hazard lights while moving (I24); no "the police advice" for a
    // 999 call, since no current national advice tells drivers to ring 999 (I15).
    feedback: {
      warrant_card: feedback('unmarked_car', 'warrantCard', ['I8', 'I11', 'I16', 'E6']),
      call_to_check: feedback('unmarked_car', 'callToCheck', ['I12', 'I15', 'I23', 'I25']),
      radio_check: feedback('unmarked_car', 'radio', ['I12', 'I15', 'I25'], 'partial'),
      colleagues: feedback('unmarked_car', 'askThroughWindow', ['I8', 'I16']),
      came_from: feedback('unmarked_car', 'askThroughWindow', ['I8', 'I16']),
      why_stopping: feedback('unmarked_car', 'askThroughWindow', ['I8', 'I16']),
      go_with_them: feedback('unmarked_car', 'getOut', GET_OUT_ROWS),
      // Speeding off is what I8 warns against ("don't speed off"), whatever the reason for not stopping.
      walk_away: feedback('unmarked_car', 'speedOff', ['I8', 'I9'], 'unsafe'),
      safe_place: feedback('unmarked_car', 'danger', ['I15', 'I23', 'I25', 'D8']),
      // In the car, going along means getting out.
      come_quietly: feedback('unmarked_car', 'getOut', GET_OUT_ROWS, 'partial'),
    },
    remember: { warrant_card: 'rehearsal.scenes.unmarked_car.moves.warrant_card', call_to_check: 'rehearsal.scenes.unmarked_car.moves.call_to_check' },
    // "I'm not getting out" is staying locked in; "not until I've checked" is the check itself.
    sameAs: { safe_place: 'drive_on', stand_firm: 'stay_locked', refuse_to_go: 'stay_locked', check_before_going: 'call_to_check' },
  },
  cannot_see: {
    keyMoves: ['warrant_card', 'call_to_check', 'colleagues', 'safe_place'],
    feedback: {
      ...onFoot('cannot_see'),
      // Can't see the card: have the name and number read out, then ring 999 yourself (K6, B3, B12, E6).
      warrant_card: feedback('cannot_see', 'readItOut', ['K6', 'B3']),
      call_to_check: feedback('cannot_see', 'callWithNumber', ['K6', 'B3', 'B12', 'E6']),
    },
    remember: { warrant_card: 'rehearsal.scenes.cannot_see.moves.warrant_card' },
    sameAs: ON_FOOT_SAME_AS,
  },
  uniform_officer: {
    // A uniform is not proof: uniforms have been faked, so the same checks apply (K7, I19, E2, E4, E5).
    keyMoves: ['warrant_card', 'call_to_check', 'why_stopping', 'check_before_going'],
    feedback: {
      ...onFoot('uniform_officer'),
      ...goingWithHim(['K7', 'A5', 'A13', 'B3', 'B12'], 'rehearsal.scenes.uniform_officer.feedback.getInCar'),
      warrant_card: feedback('uniform_officer', 'warrantCard', ['K7', 'I19', 'E2', 'E4', 'E5', 'E7']),
      call_to_check: feedback('uniform_officer', 'callToCheck', ['K7', 'B3', 'B12']),
      colleagues: feedback('uniform_officer', 'colleagues', ['A3', 'B8', 'K7']),
    },
    remember: { warrant_card: 'rehearsal.scenes.uniform_officer.moves.warrant_card' },
    sameAs: ON_FOOT_SAME_AS,
  },
} as const satisfies Readonly<Record<string, SceneData>>;

export type SceneId = keyof typeof SCENE_DATA;

const defineScene = (id: SceneId, data: SceneData): SceneSpec => ({
  id,
  unfinishedKey: `rehearsal.scenes.${id}.unfinished`,
  settingKey: `rehearsal.scenes.${id}.setting`,
  beats: beats(id, 4),
  remember: {},
  sameAs: {},
  ...data,
});

export const SCENES: readonly SceneSpec[] = (Object.keys(SCENE_DATA) as SceneId[]).map((id) => defineScene(id, SCENE_DATA[id]));

const byId = new Map<string, SceneSpec>(SCENES.map((scene) => [scene.id, scene]));

/** The scene with this id (a REHEARSAL_SCENE slot id, or a stored one), or null for any other value. */
export const sceneWithId = (id: unknown): SceneId | null => (typeof id === 'string' ? byId.get(id)?.id ?? null : null);

export function sceneSpec(id: SceneId): SceneSpec {
  const scene = byId.get(id);
  if (!scene) throw new Error(`unknown scene ${id}`);
  return scene;
}
