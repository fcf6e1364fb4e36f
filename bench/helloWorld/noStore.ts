/** Hello world with no store: the yardstick for the skill's cold start and warm requests without one. */
import { helloWorld } from './skill';

export const handler = helloWorld();
