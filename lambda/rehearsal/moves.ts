import type { MoveId, MoveSpec } from './types';

const move = (id: MoveId, verdict: MoveSpec['verdict'], rows: readonly string[]): MoveSpec => ({
  id,
  verdict,
  feedback: { key: `rehearsal.moves.${id}.feedback`, rows },
  doneKey: `rehearsal.moves.${id}.done`,
  hintKey: `rehearsal.moves.${id}.hint`,
  rememberKey: `rehearsal.moves.${id}.remember`,
  slippedKey: `rehearsal.moves.${id}.slipped`,
});

/**
 * Every move the user can make, its usual verdict, and the fact-sheet rows its feedback rests on.
 * Scenes may judge a move differently (see scenes.ts).
 */
export const MOVES: Readonly<Record<MoveId, MoveSpec>> = {
  // Ask for the warrant card and the name and number on it (C3: must show it if not in uniform).
  warrant_card: move('warrant_card', 'good', ['C3', 'E7', 'B9']),
  // The Met's questions (A3), and why asking is reasonable (A1, A11).
  colleagues: move('colleagues', 'good', ['A3', 'A1', 'A11']),
  came_from: move('came_from', 'good', ['A3', 'B8']),
  why_stopping: move('why_stopping', 'good', ['A3', 'C9']),
  // Disputed (A4, and section G item 2): a radio the officer supplies could be faked; your own call is harder to fake.
  radio_check: move('radio_check', 'partial', ['A4', 'E6', 'B3', 'B4']),
  // Independent verification on your own phone (B3, B4, B9, E6, E7; 101 is free, D2).
  call_to_check: move('call_to_check', 'good', ['B3', 'B4', 'B9', 'E6', 'E7']),
  // Danger: 999 first, then other people (A5, D1); Alexa cannot call (D8).
  safe_place: move('safe_place', 'good', ['D1', 'A5', 'B8', 'D8']),
  // Holding firm while checking: genuine officers won't pressure you while you check (B10, A2, A12).
  stand_firm: move('stand_firm', 'good', ['B10', 'A2', 'A12']),
  // Drivers only (section I): doors locked, warrant card through the window.
  stay_locked: move('stay_locked', 'good', ['I8', 'I11', 'I16']),
  // Drivers only: drive steadily on to a busy, lit place; not a guaranteed defence (I8, I9, I23).
  drive_on: move('drive_on', 'good', ['I8', 'I9', 'I23']),
  // Drivers only: show you've seen the signal, don't speed off (I8). Hazard lights are not suggested:
  // whether they may be used while moving is unverified (section I gaps, item 2).
  signal_seen: move('signal_seen', 'good', ['I8', 'I7']),
  // Running: right in real danger, but can be obstruction if the officer is genuine (A5, A8, F5, F7).
  walk_away: move('walk_away', 'partial', ['A5', 'A8', 'F5', 'F7']),
  // Risky compliance: check before going anywhere (A2, A12, B3, B10).
  go_with_them: move('go_with_them', 'unsafe', ['A2', 'A12', 'B3', 'B10']),
  // Real police never ask for bank details, PINs or cash (B9, B10, E7).
  hand_over_money: move('hand_over_money', 'unsafe', ['B9', 'B10', 'E7']),
};
