import type { SkillSettings } from 'ask-sdk-test';
import { SIMULATOR_DEVICE_ID, SIMULATOR_SKILL_ID, SIMULATOR_USER_ID } from '../../simulator/envelope';

export const skillSettings: SkillSettings = {
  appId: SIMULATOR_SKILL_ID,
  userId: SIMULATOR_USER_ID,
  deviceId: SIMULATOR_DEVICE_ID,
  locale: 'en-GB',
};
