import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from '../../lambda/skill';
import { ssmlToText } from '../../simulator/speechText';
import { MemoryAdapter } from './memoryAdapter';
import type { Handler } from './requests';

/** The skill with an in-memory store the test can look into, or make fail. */
export function skillWithStore(store = new MemoryAdapter()): { store: MemoryAdapter; handler: Handler } {
  const skill = buildSkill({ persistenceAdapter: store });
  return { store, handler: (event: RequestEnvelope) => skill.invoke(event) as Promise<ResponseEnvelope> };
}

const ssmlOf = (r: ResponseEnvelope) => (r.response.outputSpeech?.type === 'SSML' ? r.response.outputSpeech.ssml : '');
export const said = (r: ResponseEnvelope) => ssmlToText(ssmlOf(r));
/** The prosody rate the answer is spoken at, as a percentage (100 when none is set). */
export const rateOf = (r: ResponseEnvelope) => Number(/<prosody rate="(\d+)%">/.exec(ssmlOf(r))?.[1] ?? 100);
