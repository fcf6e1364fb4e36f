import { entryById, isNation, partKeysOf, TOPIC_IDS, type Nation, type TopicId } from '../../guidance';
import { isSentenceKey } from '../../locales/i18n';
import { PHONE_VALUE_NAME } from '../../speech/phones';
import type { Line } from '../../speech/ssml';
import { isRecord } from '../../util/isRecord';

/** The one question a kept-open response asks; "yes" and "no" are read against it. */
export const OFFERS = [
  'more', 'question', 'anythingElse', 'repeatDanger', 'practise',
  // Help's second page: tips on getting around (moving through an answer, settings, forget me).
  'helpMore',
  // The end of an answer: hear what else the skill can help with (help), or turn it down.
  'otherTopics',
  // Where the user is, when the answer differs by nation; which Ireland, when they said "Ireland".
  'nation', 'whichIreland',
  // Rehearsal: the officer waits for your move; another scene; pick up a scene left part-way.
  'rehearsalMove', 'anotherScene', 'resumeScene',
  // After the real danger answer in the middle of a scene: carry on practising, or stop.
  'carryOnPractising',
] as const;
export type Offer = (typeof OFFERS)[number];

/** The rehearsal outcome of the last turn, as the batch output reports it. */
export interface RehearsalReport {
  readonly scene: string;
  readonly move: string | null;
  readonly verdict: 'good' | 'partial' | 'unsafe' | 'hint' | null;
}

/** What was last said, kept so it can be repeated word for word. */
export interface SpokenAnswer {
  readonly lines: readonly Line[];
  readonly cardTitleKey?: string;
  readonly offer?: Offer;
}

/** Conversation state kept in the session (never persisted). */
export interface ConversationState {
  /** The contract topic of the last answer, or null for navigation and preferences. */
  readonly topic: TopicId | null;
  readonly rehearsal: RehearsalReport | null;
  /**
   * The guidance entry being read, and which of its pages was last spoken (0 is the summary; -1,
   * before it: an answer length changed on a point that the first page, now longer, holds).
   */
  readonly entry: string | null;
  readonly page: number;
  /** The nation the pages of the entry were read for (its note on the first page), or null. */
  readonly nation: Nation | null;
  /**
   * Parts of the entry already heard that the pages ahead may hold again, because reading moved to
   * another layout (a nation named part-way, another answer length): going on leaves them out.
   */
  readonly heard: readonly string[];
  readonly last: SpokenAnswer | null;
}

const EMPTY_STATE: ConversationState = { topic: null, rehearsal: null, entry: null, page: 0, nation: null, heard: [], last: null };


/**
 * The most lines one answer may hold (a guidance page is at most five parts and a lead-in today).
 * A session claiming more is broken; repeating it could run past Alexa's 8,000-character limit.
 */
export const MAX_SPOKEN_LINES = 12;

/** Longest value a line may interpolate; the skill's own values are short words and numbers. */
const MAX_PARAM_LENGTH = 200;
const isKey = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200 && isSentenceKey(x);

function readLine(x: unknown): Line | null {
  if (!isRecord(x) || !isKey(x.key)) return null;
  if (x.params === undefined) return { key: x.key };
  if (!isRecord(x.params)) return null;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(x.params)) {
    // A value named like the phone numbers' group would stand in for the numbers themselves.
    if (k === PHONE_VALUE_NAME) return null;
    if ((typeof v === 'string' && v.length <= MAX_PARAM_LENGTH) || (typeof v === 'number' && Number.isFinite(v))) params[k] = v;
    else return null;
  }
  return { key: x.key, params };
}

function readSpoken(x: unknown): SpokenAnswer | null {
  if (!isRecord(x) || !Array.isArray(x.lines) || x.lines.length === 0 || x.lines.length > MAX_SPOKEN_LINES) return null;
  const lines = x.lines.map(readLine);
  if (lines.some((l) => l === null)) return null;
  const offer = (OFFERS as readonly unknown[]).includes(x.offer) ? (x.offer as Offer) : undefined;
  const cardTitleKey = isKey(x.cardTitleKey) ? x.cardTitleKey : undefined;
  return { lines: lines as Line[], ...(cardTitleKey ? { cardTitleKey } : {}), ...(offer ? { offer } : {}) };
}

/**
 * The parts a session says were heard: only keys of the entry's own parts, each once; anything else
 * is dropped, and so is all of it for an answer given whole (the danger answer), never left out of.
 */
function readHeard(entryId: string | null, raw: unknown): readonly string[] {
  const entry = entryById(entryId);
  if (!entry || entry.whole || !Array.isArray(raw)) return [];
  const keys = partKeysOf(entry);
  return [...new Set(raw.filter((key): key is string => typeof key === 'string' && keys.has(key)))];
}

/**
 * Reads the conversation state from session attributes. Anything missing or malformed (a broken or
 * tampered session) is dropped rather than trusted, so the conversation carries on from a clean state.
 */
export function readState(attributes: unknown): ConversationState {
  const raw = isRecord(attributes) ? attributes.conversation : undefined;
  if (!isRecord(raw)) return EMPTY_STATE;
  const topic = (TOPIC_IDS as readonly unknown[]).includes(raw.topic) ? (raw.topic as TopicId) : null;
  const entry = typeof raw.entry === 'string' && entryById(raw.entry) ? raw.entry : null;
  const page = typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page >= -1 && raw.page < 50 ? raw.page : 0;
  const nation = isNation(raw.nation) ? raw.nation : null;
  return { topic, rehearsal: null, entry, page: entry ? page : 0, nation: entry ? nation : null, heard: readHeard(entry, raw.heard), last: readSpoken(raw.last) };
}
