export * from './types';
export { MOVE_IDS, MOVES, MOVES_BY_INTENT } from './moves';
export { SCENES, sceneSpec, sceneWithId } from './scenes';
export { chooseScene, hint, isOver, hintKey, rememberKey, summaryLines, openScene, play, restart, resumeScene, skip, type Turn } from './engine';
export { NO_PROGRESS, readProgress, readSceneProgress, withEnded, withUnfinished, withoutUnfinished } from './progress';
export { DONT_KNOW_INTENT, SCENE_SLOT, START_INTENT } from './intents';
