import type { MoveId, SceneId } from './types';

/** Asking to practise, from anywhere; its slot names the scene ("while driving", "I'm blind"). */
export const START_INTENT = 'StartRehearsalIntent';
export const SCENE_SLOT = 'scene';

/** The scene slot's resolved ids are scene ids. */
export const sceneForSlotId = (id: string | null): SceneId | null =>
  id === 'quiet_street' || id === 'busy_street' || id === 'front_door' || id === 'unmarked_car' || id === 'cannot_see' ? id : null;

/** "I don't know": a hint inside a rehearsal. */
export const DONT_KNOW_INTENT = 'DontKnowMoveIntent';

/** The move intents: the lines people say to an officer, one intent per move. */
export const MOVE_INTENTS: Readonly<Record<string, MoveId>> = {
  AskWarrantCardMoveIntent: 'warrant_card',
  AskColleaguesMoveIntent: 'colleagues',
  AskWhereFromMoveIntent: 'came_from',
  AskWhyStoppedMoveIntent: 'why_stopping',
  AskRadioCheckMoveIntent: 'radio_check',
  CallToCheckMoveIntent: 'call_to_check',
  GetToSafetyMoveIntent: 'safe_place',
  StandFirmMoveIntent: 'stand_firm',
  StayLockedInMoveIntent: 'stay_locked',
  DriveToBusyPlaceMoveIntent: 'drive_on',
  AcknowledgeSignalMoveIntent: 'signal_seen',
  GoWithThemMoveIntent: 'go_with_them',
  HandOverMoneyMoveIntent: 'hand_over_money',
};

/**
 * The guidance intents, read as moves while rehearsing: Alexa's understanding cannot know the user is
 * role-playing, so "can I see your warrant card" may well arrive as the warrant-card question.
 * 'hint' means the user is asking what to do: they get a hint, and the scene waits.
 */
export const TOPIC_INTENTS_AS_MOVES: Readonly<Record<string, MoveId | 'hint'>> = {
  WarrantCardIntent: 'warrant_card',
  QuestionsToAskIntent: 'why_stopping',
  PlainClothesOfficerIntent: 'colleagues',
  CheckOfficerIsRealIntent: 'call_to_check',
  EmergencyNumbersIntent: 'call_to_check',
  InDangerIntent: 'safe_place',
  WalkingAwayIntent: 'walk_away',
  LoneOfficerStopIntent: 'hint',
  UnmarkedCarStopIntent: 'hint',
  AdviceSourcesIntent: 'hint',
};

/** Outside a rehearsal, a move intent is a question about that move: the closest guidance entry. */
export const GUIDANCE_FOR_MOVE_INTENT: Readonly<Record<string, string>> = {
  AskWarrantCardMoveIntent: 'warrant_card',
  AskColleaguesMoveIntent: 'questions',
  AskWhereFromMoveIntent: 'questions',
  AskWhyStoppedMoveIntent: 'questions',
  AskRadioCheckMoveIntent: 'verify',
  CallToCheckMoveIntent: 'verify',
  GetToSafetyMoveIntent: 'danger',
  StandFirmMoveIntent: 'running',
  StayLockedInMoveIntent: 'driving',
  DriveToBusyPlaceMoveIntent: 'driving',
  AcknowledgeSignalMoveIntent: 'driving',
  GoWithThemMoveIntent: 'danger',
  HandOverMoneyMoveIntent: 'verify',
};
