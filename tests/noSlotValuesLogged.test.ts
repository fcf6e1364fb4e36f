import { captureLogs } from './support/quietLogs';
import { GUIDANCE } from '../lambda/guidance';
import { intent, SessionDriver } from './support/requests';
import { skillWithStore } from './support/skillWithStore';

// A need (under 18, Deaf, blind, disabled) is health information: whatever a slot carries, and
// wherever a need is named, none of it reaches the log or the store. The request log holds the kind
// of request, the intent, the topic, the time taken and whether the session ended: never a slot's value.

const NEED = { value: "i'm deaf and partially sighted", id: 'deaf_partially_sighted' };
const NATION = { value: 'glasgow', id: 'scotland' };
/** The request log's event name (lambda/observability/requestLog.ts). */
const REQUEST_EVENT = 'request';
const LOGGED_FIELDS = ['event', 'requestType', 'intent', 'topic', 'latencyMs', 'sessionEnded'];

describe('no slot value reaches the log, and no need reaches the store', () => {
  test.each(GUIDANCE.map((entry) => [entry.intent]))('%s with a need and a nation in its slots', async (name) => {
    const logs = captureLogs();
    const { handler, store } = skillWithStore();
    try {
      await new SessionDriver(handler).send(intent(name, { need: NEED, nation: NATION }, ['need', 'nation']));
    } finally {
      logs.restore();
    }
    const lines = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.event === REQUEST_EVENT)).toHaveLength(1);
    for (const line of lines) expect(Object.keys(line).filter((field) => !LOGGED_FIELDS.includes(field))).toEqual([]);
    expect(logs.text()).not.toMatch(/deaf|sighted|glasgow/i);
    // The nation named is remembered, as a nation id; nothing of the need is kept.
    expect(JSON.stringify([...store.items.values()])).not.toMatch(/deaf|sighted|glasgow|need/i);
  });
});
