export * from './types';
export { MOVES } from './moves';
export { SCENES, sceneSpec } from './scenes';
export { chooseScene, hint, isOver, hintKey, summaryLines, openScene, play, restart, resumeScene, skip, type Turn } from './engine';
export { NO_PROGRESS, readProgress, readSceneProgress, withEnded, withUnfinished, withoutUnfinished } from './progress';
export {
  DONT_KNOW_INTENT, GUIDANCE_FOR_MOVE_INTENT, MOVE_INTENTS, SCENE_SLOT, START_INTENT, TOPIC_INTENTS_AS_MOVES, sceneForSlotId,
} from './intents';
