import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDANCE, NATION_SLOT, NATION_SLOT_IDS } from '../lambda/guidance';
import { AFTER_SETTING_IDS, AFTER_SETTING_SLOT } from '../lambda/handlers/settingAnswer';
import type { IntentHandler } from '../lambda/handlers/support/matchers';
import { MOVES, SCENE_SLOT, SCENES } from '../lambda/rehearsal';
import { REQUEST_HANDLERS } from '../lambda/skill';

// The interaction model against the data: every intent and slot value of the model means something
// to the skill (a guidance entry, a move, a scene, or an intent a handler names), and everything the
// data names is in the model. A topic, a move or a scene added to the data alone, or to the model
// alone, fails here.

interface ModelSlot { readonly name: string; readonly type: string }
interface ModelIntent { readonly name: string; readonly slots?: readonly ModelSlot[] }
interface ModelType { readonly name: string; readonly values: readonly { readonly id?: string }[] }
const { languageModel } = (JSON.parse(readFileSync(join(__dirname, '..', 'interactionModels', 'custom', 'en-GB.json'), 'utf8')) as {
  interactionModel: { languageModel: { intents: readonly ModelIntent[]; types?: readonly ModelType[] } };
}).interactionModel;

const modelIntents = languageModel.intents.map((i) => i.name);
const missingFrom = (names: readonly string[], from: readonly string[]) => names.filter((name) => !from.includes(name));

/** The slots the skill reads, the type each must have, and the ids the data gives that type. */
const SLOTS_READ: Readonly<Record<string, { readonly type: string; readonly ids: readonly string[] }>> = {
  [NATION_SLOT]: { type: 'NATION', ids: NATION_SLOT_IDS },
  [SCENE_SLOT]: { type: 'REHEARSAL_SCENE', ids: SCENES.map((scene) => scene.id) },
  [AFTER_SETTING_SLOT]: { type: 'AFTER_SETTING', ids: AFTER_SETTING_IDS },
};

describe('the interaction model and the data agree', () => {
  const handled = REQUEST_HANDLERS.flatMap((handler) => (handler as Partial<IntentHandler>).intents ?? []);

  test('every intent of the model is one a handler names, and every intent a handler names is in the model', () => {
    expect(missingFrom(modelIntents, handled)).toEqual([]);
    expect(missingFrom(handled, modelIntents)).toEqual([]);
  });

  test('every guidance entry and every move with an intent has it in the model, and no two share one', () => {
    const fromData = [...GUIDANCE.map((entry) => entry.intent), ...Object.values(MOVES).flatMap((move) => (move.intent ? [move.intent.name] : []))];
    expect(missingFrom(fromData, modelIntents)).toEqual([]);
    expect(new Set(fromData).size).toBe(fromData.length);
  });

  test('every slot of the model is one the skill reads, of the type it reads', () => {
    const slots = languageModel.intents.flatMap((i) => (i.slots ?? []).map((slot) => ({ intent: i.name, ...slot })));
    expect(slots.filter((slot) => SLOTS_READ[slot.name]?.type !== slot.type)).toEqual([]);
  });

  test('every slot value of the model maps to a nation, a scene or what follows a setting, and each of those is a slot value', () => {
    const types = languageModel.types ?? [];
    const expected = Object.values(SLOTS_READ);
    expect(types.map((type) => type.name).sort()).toEqual(expected.map((slot) => slot.type).sort());
    for (const { type, ids } of expected) {
      const values = types.find((t) => t.name === type)?.values.map((v) => v.id ?? '(no id)') ?? [];
      expect({ type, ids: [...values].sort() }).toEqual({ type, ids: [...ids].sort() });
    }
  });
});
