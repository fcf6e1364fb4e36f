import type { Feedback, MoveId, SceneSpec, Verdict } from './types';

const beats = (scene: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `rehearsal.scenes.${scene}.beat${i + 1}` }));

const feedback = (scene: string, name: string, rows: readonly string[], verdict?: Feedback['verdict']): Feedback =>
  ({ key: `rehearsal.scenes.${scene}.feedback.${name}`, rows, ...(verdict !== undefined ? { verdict } : {}) });

/** On foot, the drivers' moves have no place: said anyway, they get a pointer and no verdict. */
const onFoot = (scene: string): Partial<Record<MoveId, Feedback>> => ({
  stay_locked: feedback(scene, 'notInCar', [], null),
  drive_on: feedback(scene, 'notInCar', [], null),
  signal_seen: feedback(scene, 'notInCar', [], null),
});

/** What a scene says about itself; its setting, four beats and the "part-way" line follow from its id. */
type SceneData = Pick<SceneSpec, 'keyMoves' | 'feedback'> & Partial<Pick<SceneSpec, 'remember' | 'sameAs'>>;

/**
 * The scenes, in the order they are offered, keyed by id; the id is also the scene's value of the
 * REHEARSAL_SCENE slot. Each differs in a way that matters: alone at night, busy by day, at home,
 * driving (only the fact sheet's section I facts), and not able to see the card. A new scene is an
 * entry here, its words under rehearsal.scenes.<id> and its slot value in the interaction model.
 */
const SCENE_DATA = {
  quiet_street: {
    keyMoves: ['warrant_card', 'call_to_check', 'colleagues', 'why_stopping', 'safe_place'],
    feedback: {
      ...onFoot('quiet_street'),
      // Never into his car before the check; stay where there are people; 999 to check him and have
      // officers sent; if he uses force, shout, get to people, call 999 (A1, A5, A13, B3, B12).
      go_with_them: feedback('quiet_street', 'getInCar', ['A1', 'A5', 'A13', 'B3', 'B12', 'B6']),
    },
  },
  busy_street: {
    keyMoves: ['warrant_card', 'why_stopping', 'colleagues', 'call_to_check'],
    feedback: {
      ...onFoot('busy_street'),
      // A search: the officer must show the card and say who they are, what they're looking for and why (C1, C3, C15).
      why_stopping: feedback('busy_street', 'whySearch', ['C1', 'C3', 'C15', 'A3']),
    },
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
    },
    remember: { call_to_check: 'rehearsal.scenes.front_door.moves.call_to_check', stand_firm: 'rehearsal.scenes.front_door.moves.stand_firm' },
    sameAs: { stay_locked: 'stand_firm' },
  },
  unmarked_car: {
    keyMoves: ['drive_on', 'stay_locked', 'warrant_card', 'call_to_check'],
    // Drivers: only section I facts. No hazard lights while moving (I24); no "the police advice" for a
    // 999 call, since no current national advice tells drivers to ring 999 (I15).
    feedback: {
      warrant_card: feedback('unmarked_car', 'warrantCard', ['I8', 'I11', 'I16']),
      call_to_check: feedback('unmarked_car', 'callToCheck', ['I12', 'I15', 'I23', 'I25']),
      radio_check: feedback('unmarked_car', 'radio', ['I12', 'I15', 'I25'], 'partial'),
      colleagues: feedback('unmarked_car', 'askThroughWindow', ['I8', 'I16']),
      came_from: feedback('unmarked_car', 'askThroughWindow', ['I8', 'I16']),
      why_stopping: feedback('unmarked_car', 'askThroughWindow', ['I8', 'I16']),
      go_with_them: feedback('unmarked_car', 'getOut', ['I8', 'I11', 'I16']),
      walk_away: feedback('unmarked_car', 'speedOff', ['I8', 'I9'], 'partial'),
      safe_place: feedback('unmarked_car', 'danger', ['I15', 'I23', 'I25', 'D8']),
    },
    remember: { warrant_card: 'rehearsal.scenes.unmarked_car.moves.warrant_card', call_to_check: 'rehearsal.scenes.unmarked_car.moves.call_to_check' },
    sameAs: { safe_place: 'drive_on', stand_firm: 'stay_locked' },
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

/**
 * Lines written ahead of the logic that will speak them (issue 11 items 3, 4 and 5): the move intents
 * ComeQuietlyMoveIntent (come_quietly), RefuseToGoMoveIntent (refuse_to_go) and
 * CheckBeforeGoingMoveIntent (check_before_going), the scene uniform_officer, Scotland's own words
 * for the radio check and Northern Ireland's for walking away. Each with the verdict and rows it
 * rests on, so `npm run guide` shows them for audit. When the logic has these moves and the scene,
 * each line moves into MOVES or SCENES and leaves this list.
 */
export interface PendingLine {
  /** The scene the line belongs to, or null for a move's own words in any scene. */
  readonly scene: string | null;
  readonly move: string;
  /** Locale key stem: `feedback` for a move's own words, or a scene's feedback key. */
  readonly key: string;
  readonly rows: readonly string[];
  readonly verdict: Verdict | null;
  /** When the line is spoken, if not whenever the move is made. */
  readonly when?: string;
}

const ARREST_MOMENT = 'at the arrest moment (beat four), and at any beat where he wants you to go with him';

export const PENDING_LINES: readonly PendingLine[] = [
  // The moves' own words (their done, hint, remember and slipped lines sit beside them in the locale).
  { scene: null, move: 'come_quietly', key: 'rehearsal.moves.come_quietly.feedback', rows: ['C9', 'C19', 'B3', 'B12', 'F2'], verdict: 'partial' },
  { scene: null, move: 'refuse_to_go', key: 'rehearsal.moves.refuse_to_go.feedback', rows: ['F2', 'F8', 'F9', 'B3', 'B12'], verdict: 'partial' },
  { scene: null, move: 'check_before_going', key: 'rehearsal.moves.check_before_going.feedback', rows: ['A5', 'A13', 'B3', 'B12', 'B6', 'F2'], verdict: 'good' },
  { scene: null, move: 'radio_check', key: 'rehearsal.moves.radio_check.feedbackScotland', rows: ['B6', 'A4', 'E6', 'B12'], verdict: 'partial', when: 'when the user is in Scotland' },
  // In Northern Ireland, never "you don't have to stop" (C16): walking away gets its own words there.
  { scene: null, move: 'walk_away', key: 'rehearsal.moves.walk_away.feedbackNorthernIreland', rows: ['A5', 'D1', 'C16'], verdict: 'partial', when: 'when the user is in Northern Ireland' },
  // The night-street arrest: stay where there are people, ask why and for the card, 999 to check him and
  // have officers sent, cooperate once confirmed, never fight a genuine officer (A1, A5, A13, C9, F2).
  { scene: 'quiet_street', move: 'come_quietly', key: 'rehearsal.scenes.quiet_street.feedback.comeQuietly', rows: ['A1', 'A13', 'C9', 'C19', 'B3', 'B12', 'B6', 'F2'], verdict: 'partial', when: ARREST_MOMENT },
  { scene: 'quiet_street', move: 'refuse_to_go', key: 'rehearsal.scenes.quiet_street.feedback.refuseToGo', rows: ['F2', 'F8', 'F9', 'A1', 'B3', 'B12'], verdict: 'partial', when: ARREST_MOMENT },
  { scene: 'quiet_street', move: 'check_before_going', key: 'rehearsal.scenes.quiet_street.feedback.checkBeforeGoing', rows: ['A1', 'A13', 'C9', 'B3', 'B12', 'B6', 'F2'], verdict: 'good', when: ARREST_MOMENT },
  // A lone officer in uniform who wants you to come with him: a uniform is not proof (K7, I19).
  // Key moves, most important first: warrant_card, call_to_check, why_stopping, check_before_going.
  // On foot: stay_locked, drive_on and signal_seen get feedback.notInCar with no verdict. Its hint and
  // "one to remember" for warrant_card: rehearsal.scenes.uniform_officer.moves.warrant_card.
  { scene: 'uniform_officer', move: 'warrant_card', key: 'rehearsal.scenes.uniform_officer.feedback.warrantCard', rows: ['K7', 'I19', 'E2', 'E4', 'E5', 'E7'], verdict: 'good' },
  { scene: 'uniform_officer', move: 'call_to_check', key: 'rehearsal.scenes.uniform_officer.feedback.callToCheck', rows: ['K7', 'B3', 'B12'], verdict: 'good' },
  { scene: 'uniform_officer', move: 'colleagues', key: 'rehearsal.scenes.uniform_officer.feedback.colleagues', rows: ['A3', 'B8', 'K7'], verdict: 'good' },
  { scene: 'uniform_officer', move: 'go_with_them', key: 'rehearsal.scenes.uniform_officer.feedback.getInCar', rows: ['K7', 'A5', 'A13', 'B3', 'B12'], verdict: 'unsafe' },
  { scene: 'uniform_officer', move: 'come_quietly', key: 'rehearsal.scenes.quiet_street.feedback.comeQuietly', rows: ['A1', 'A13', 'C9', 'C19', 'B3', 'B12', 'B6', 'F2'], verdict: 'partial', when: ARREST_MOMENT },
  { scene: 'uniform_officer', move: 'refuse_to_go', key: 'rehearsal.scenes.quiet_street.feedback.refuseToGo', rows: ['F2', 'F8', 'F9', 'A1', 'B3', 'B12'], verdict: 'partial', when: ARREST_MOMENT },
  { scene: 'uniform_officer', move: 'check_before_going', key: 'rehearsal.scenes.quiet_street.feedback.checkBeforeGoing', rows: ['A1', 'A13', 'C9', 'B3', 'B12', 'B6', 'F2'], verdict: 'good', when: ARREST_MOMENT },
];

export function sceneSpec(id: SceneId): SceneSpec {
  const scene = byId.get(id);
  if (!scene) throw new Error(`unknown scene ${id}`);
  return scene;
}
