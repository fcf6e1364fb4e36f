import type { Nation } from '../guidance/types';
import type { Feedback, FactRowId, MoveSpec, Verdict } from './types';

/** The intent that makes a move, and the guidance entry it asks for when no scene is played. */
interface MoveIntent {
  readonly name: string;
  /** Outside a rehearsal a move is a question about that move: the id of the closest guidance entry. */
  readonly outsideRehearsal: string;
}

interface MoveData {
  readonly verdict: Verdict;
  /** The fact-sheet rows its usual feedback rests on. */
  readonly rows: readonly FactRowId[];
  /** None for a move made only through a guidance intent (see GuidanceEntry.inRehearsal). */
  readonly intent?: MoveIntent;
  /**
   * Where a nation's law needs other feedback (in Northern Ireland, never "you don't have to stop",
   * row C16): the rows of its words, under rehearsal.moves.<id>.feedback<Nation>.
   */
  readonly inNation?: Partial<Record<Nation, readonly FactRowId[]>>;
}

/**
 * Every move the user can make: its usual verdict, the fact-sheet rows its feedback rests on, and
 * the intent that makes it. Scenes may judge a move differently (see scenes.ts). A new move is an
 * entry here, its words under rehearsal.moves.<id> and its intent in the interaction model.
 */
const MOVE_DATA = {
  // Ask for the warrant card and the name and number on it; officers expect to be asked (A12).
  warrant_card: { verdict: 'good', rows: ['E7', 'B9', 'A12'], intent: { name: 'AskWarrantCardMoveIntent', outsideRehearsal: 'warrant_card' } },
  // The Met's questions (A3), and why asking is reasonable (A1, A11).
  colleagues: { verdict: 'good', rows: ['A3', 'A1', 'A11'], intent: { name: 'AskColleaguesMoveIntent', outsideRehearsal: 'questions' } },
  came_from: { verdict: 'good', rows: ['A3', 'B8'], intent: { name: 'AskWhereFromMoveIntent', outsideRehearsal: 'questions' } },
  why_stopping: { verdict: 'good', rows: ['A3', 'C9', 'C19'], intent: { name: 'AskWhyStoppedMoveIntent', outsideRehearsal: 'questions' } },
  // Disputed (A4, and section G item 2): a radio the officer supplies could be faked; your own call is
  // harder to fake. In Scotland it is Police Scotland's own check, so asking for it is fair (B6).
  radio_check: {
    verdict: 'partial', rows: ['A4', 'E6', 'B3', 'B12'], intent: { name: 'AskRadioCheckMoveIntent', outsideRehearsal: 'verify' },
    inNation: { scotland: ['B6', 'A4', 'E6', 'B12'] },
  },
  // Independent verification on your own phone: for a street stop, 999 (B3, B12, E6).
  call_to_check: { verdict: 'good', rows: ['B3', 'B12', 'E6'], intent: { name: 'CallToCheckMoveIntent', outsideRehearsal: 'verify' } },
  // Danger: 999 first, say where you are, then other people (A5, A13, D1, D9); Alexa cannot call (D8).
  safe_place: { verdict: 'good', rows: ['D1', 'D9', 'A5', 'A13', 'B8', 'D8'], intent: { name: 'GetToSafetyMoveIntent', outsideRehearsal: 'danger' } },
  // Holding firm near other people while checking on 999 (A2, A12, B12). "Won't pressure you" is the
  // doorstep's alone (B10, section G item 13): see the front door scene.
  stand_firm: { verdict: 'good', rows: ['A2', 'A12', 'B12', 'A13'], intent: { name: 'StandFirmMoveIntent', outsideRehearsal: 'running' } },
  // Drivers (section I): doors locked, warrant card through the window; and, as anywhere, a card alone can be faked (E6).
  stay_locked: { verdict: 'good', rows: ['I8', 'I11', 'I16', 'E6'], intent: { name: 'StayLockedInMoveIntent', outsideRehearsal: 'driving' } },
  // Drivers only: drive steadily on to a busy, lit place; not a guaranteed defence (I8, I9, I23).
  drive_on: { verdict: 'good', rows: ['I8', 'I9', 'I23'], intent: { name: 'DriveToBusyPlaceMoveIntent', outsideRehearsal: 'drive_on' } },
  // Drivers only: show you've seen the signal, don't speed off (I8); no hazard lights while moving (I24).
  signal_seen: { verdict: 'good', rows: ['I8', 'I24', 'I23'], intent: { name: 'AcknowledgeSignalMoveIntent', outsideRehearsal: 'driving' } },
  // Running: right in real danger, but can be obstruction in England and Wales if the officer is genuine (A5, A8, F5, F7).
  // Made through the walking-away question (WalkingAwayIntent), so it has no intent of its own.
  // In Northern Ireland an officer can make you stop and say who you are (C16): its own words there.
  walk_away: { verdict: 'partial', rows: ['A5', 'D1', 'A8', 'F5', 'F7'], inNation: { northern_ireland: ['A5', 'D1', 'C16'] } },
  // Risky compliance: check on 999 before going anywhere, never into their car (A2, A12, A5, B3, B12).
  go_with_them: { verdict: 'unsafe', rows: ['A2', 'A12', 'A5', 'B3', 'B12'], intent: { name: 'GoWithThemMoveIntent', outsideRehearsal: 'danger' } },
  // The arrest moment. Cooperating with a genuine arrest is right, but check first: ask why (C9, C19),
  // call 999 to check him (B3, B12), cooperate once the call confirms him; never fight a genuine officer (F2).
  come_quietly: { verdict: 'partial', rows: ['C9', 'C19', 'B3', 'B12', 'F2'], intent: { name: 'ComeQuietlyMoveIntent', outsideRehearsal: 'verify' } },
  // A flat refusal: checking is right, resisting a genuine officer is an offence in every nation (F2, F8, F9).
  refuse_to_go: { verdict: 'partial', rows: ['F2', 'F8', 'F9', 'B3', 'B12'], intent: { name: 'RefuseToGoMoveIntent', outsideRehearsal: 'running' } },
  // "Not until I've checked with 999": stay near people, check him on 999, then cooperate (A5, A13, B3, B12, B6, F2).
  check_before_going: { verdict: 'good', rows: ['A5', 'A13', 'B3', 'B12', 'B6', 'F2'], intent: { name: 'CheckBeforeGoingMoveIntent', outsideRehearsal: 'verify' } },
  // Real police never ask for bank details, PINs or cash (B9, B10, E7); 101 at the door, 999 if unsafe (B4, B12).
  hand_over_money: { verdict: 'unsafe', rows: ['B9', 'B10', 'E7', 'B4', 'B12'], intent: { name: 'HandOverMoneyMoveIntent', outsideRehearsal: 'verify' } },
} as const satisfies Readonly<Record<string, MoveData>>;

export type MoveId = keyof typeof MOVE_DATA;

/** The suffix of a nation's own feedback key: scotland is feedbackScotland. */
const nationSuffix = (nation: Nation): string => nation.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

function feedbackOf(id: MoveId, data: MoveData): Feedback {
  const key = `rehearsal.moves.${id}.feedback`;
  const inNation = Object.entries(data.inNation ?? {}) as [Nation, readonly FactRowId[]][];
  return {
    key,
    rows: data.rows,
    ...(inNation.length ? { nations: Object.fromEntries(inNation.map(([nation, rows]) => [nation, { key: `${key}${nationSuffix(nation)}`, rows }])) } : {}),
  };
}

function moveSpec(id: MoveId, data: MoveData): MoveSpec {
  return {
    id,
    verdict: data.verdict,
    feedback: feedbackOf(id, data),
    doneKey: `rehearsal.moves.${id}.done`,
    hintKey: `rehearsal.moves.${id}.hint`,
    rememberKey: `rehearsal.moves.${id}.remember`,
    slippedKey: `rehearsal.moves.${id}.slipped`,
    intent: data.intent ?? null,
  };
}

export const MOVE_IDS = Object.keys(MOVE_DATA) as MoveId[];

export const MOVES: Readonly<Record<MoveId, MoveSpec>> = Object.fromEntries(
  MOVE_IDS.map((id) => [id, moveSpec(id, MOVE_DATA[id])]),
) as Record<MoveId, MoveSpec>;

/** Each move intent and the move it makes. */
export const MOVES_BY_INTENT: ReadonlyMap<string, MoveSpec> = new Map(
  Object.values(MOVES).flatMap((move) => (move.intent ? [[move.intent.name, move] as const] : [])),
);
