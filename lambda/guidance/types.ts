/** Topic ids shared by the skill, the simulator's batch output and the evaluation scripts. */
export const TOPIC_IDS = [
  'overview', 'questions', 'verify', 'warrant_card', 'plain_clothes', 'danger', 'running', 'emergency', 'sources',
  'rehearse', 'help', 'stop', 'out_of_scope',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

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
}

export type Nation = 'scotland' | 'northern_ireland';

/** An answer people can ask for: a short first answer, then detail pages on "more". */
export interface GuidanceEntry {
  /** Unique id of the entry; also the stem of its locale keys. */
  readonly id: string;
  /** The contract topic this entry answers (several entries may answer one topic). */
  readonly topic: TopicId;
  /** The interaction-model intent that asks for this entry. */
  readonly intent: string;
  /** Locale key of the card title. */
  readonly titleKey: string;
  /** The first answer: short enough for about 20 seconds of speech. */
  readonly summary: readonly GuidancePart[];
  /** Further pages, each spoken on "more" or "next". */
  readonly detail: readonly (readonly GuidancePart[])[];
  /** Where the law or practice differs in Scotland or Northern Ireland. */
  readonly nations: Partial<Record<Nation, GuidancePart>>;
  /** When the facts behind this entry were last checked against the fact sheet (ISO date). */
  readonly reviewed: string;
}
