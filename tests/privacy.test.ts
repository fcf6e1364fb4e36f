import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEEP_DAYS } from '../lambda/persistence/dynamoAdapter';
import { intent, launch, SessionDriver } from './support/requests';
import { skillWithStore } from './support/skillWithStore';

const root = join(__dirname, '..');
const privacy = readFileSync(join(root, 'PRIVACY.md'), 'utf8');
const skillJson = JSON.parse(readFileSync(join(root, 'skill.json'), 'utf8'));

describe('privacy', () => {
  // Its public address comes from configuration when the skill package is assembled (deployment tests).
  test('PRIVACY.md exists and states the real retention period', () => {
    expect(existsSync(join(root, 'PRIVACY.md'))).toBe(true);
    expect(privacy).toContain(`${KEEP_DAYS} days after you last used the skill`);
    expect(privacy).toMatch(/forget me/);
    expect(privacy).toMatch(/delete my data/);
    expect(privacy).toMatch(/\*\*Your nation\*\*, if you tell the skill where you are/);
  });

  test('after a whole conversation, only preferences are stored (the nation named among them): nothing the user said or asked', async () => {
    const { handler, store } = skillWithStore();
    const d = new SessionDriver(handler);
    await d.send(launch());
    await d.send(intent('WalkingAwayIntent', { nation: { value: 'scotland', id: 'scotland' } }));
    await d.send(intent('SpeakSlowerIntent'));
    await d.send(intent('ShortAnswersIntent'));
    await d.send(intent('SendToPhoneIntent'));
    await d.send(intent('AMAZON.StopIntent'));
    const stored = [...store.items.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toEqual({ preferences: { ratePercent: 90, answers: 'short', nation: 'scotland' } });
    expect(JSON.stringify(stored)).not.toMatch(/Walking|running|conversation/i);
  });

  test('the skill declares APL for screens', () => {
    const interfaces: { type: string }[] = skillJson.manifest.apis.custom.interfaces;
    expect(interfaces.map((i) => i.type)).toContain('ALEXA_PRESENTATION_APL');
  });
});
