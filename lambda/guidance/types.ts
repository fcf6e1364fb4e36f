import type { StoredNation } from '../persistence/preferences';
import type { MoveId } from '../rehearsal/types';

export { TOPIC_IDS } from './topics';

/**
 * A topic id, shared by the skill, the simulator's batch output and the evaluation scripts: the topic
 * of a guidance entry, or one of CONVERSATION_TOPICS. TOPIC_IDS lists them all, derived from the data.
 */
export type TopicId = string;

/** A row of ../shared/guidance/uk-facts.md, such as "A3" or "D3". */
type FactRowId = string;

/** One spoken sentence or short group of sentences, and the fact-sheet rows it rests on. */
export interface GuidancePart {
  /** i18next key of the words; the words themselves live only in lambda/locales. */
  readonly key: string;
  /** Fact-sheet rows behind the part. Empty only for parts that state no fact (`framing`). */
  readonly rows: readonly FactRowId[];
  /** True for a sentence that frames rather than informs (an offer, a not-legal-advice line). */
  readonly framing?: boolean;
  /**
   * What is said instead where the user is known to be in a nation whose law makes this part wrong
   * (in Northern Ireland, never "you don't have to stop": row C16); null leaves the part out there.
   */
  readonly variants?: Partial<Record<Nation, GuidancePart | null>>;
}

/** A UK nation whose law an answer can give first; the same ids the user's preferences store. */
export type Nation = StoredNation;

/**
 * A nation's own law, said on the first page once the user is known to be there, right after the
 * answer's lead (its 999 action). Where it would make the first page too long to follow by ear, it
 * takes the place of the generic sentence it contradicts. A note that is also a detail part (the same
 * key) moves from its detail page to the first page, so it is never said twice.
 */
interface NationNote extends GuidancePart {
  /** The key of the summary part this note takes the place of, for that nation. */
  readonly replaces?: string;
}

/** An answer people can ask for: a short first answer, then detail pages on "more". */
export interface GuidanceEntry {
  /** Unique id of the entry; also the stem of its locale keys. */
  readonly id: string;
  /** The contract topic this entry answers (several entries may answer one topic; the one whose id is the topic is its main one). */
  readonly topic: TopicId;
  /** The interaction-model intent that asks for this entry. */
  readonly intent: string;
  /** Locale key of the card title. */
  readonly titleKey: string;
  /** The first answer: short enough for about 20 seconds of speech. */
  readonly summary: readonly GuidancePart[];
  /** Further pages, each spoken on "more" or "next". */
  readonly detail: readonly (readonly GuidancePart[])[];
  /** Where the law or practice differs by nation: each nation's note (see NationNote). */
  readonly nations: Partial<Record<Nation, NationNote>>;
  /** When the facts behind this entry were last checked against the fact sheet (ISO date). */
  readonly reviewed: string;
  /**
   * The question asked while a scene is played: Alexa's understanding cannot know the user is
   * role-playing, so "can I see your warrant card" may well arrive as the warrant-card question. A
   * move it counts as, or 'hint' when it asks what to do (a hint, and the scene waits), or how it
   * is answered instead (see InRehearsalAnswer).
   */
  readonly inRehearsal: MoveId | 'hint' | InRehearsalAnswer;
  /** What the last page offers: practising the words out loud, or the answer again; otherwise "anything else?". */
  readonly offerAtEnd?: 'practise' | 'repeatDanger';
  /** Always given whole, even with short answers: what to do now must not wait for "more". */
  readonly whole?: true;
}

/**
 * A question answered as itself in the middle of a scene, not read as a move: 'real' when it says the
 * danger is real now (the real answer, no practice verdict, then the offer to carry on or stop);
 * 'aside' when it asks about the guide itself (where the advice comes from), answered and then back
 * to the scene where it was.
 */
type InRehearsalAnswer = 'real' | 'aside';
