/** A slot as Alexa fills it: the words heard and the id entity resolution matched. */
export interface FilledSlot {
  readonly value: string;
  readonly id: string;
}

export interface Understood {
  readonly intent: string;
  readonly slots: Readonly<Record<string, FilledSlot>>;
  /** The classifier's confidence, for diagnostics only. */
  readonly score: number;
}

/** Turns what someone said into an intent and slots, as Alexa's NLU would. */
export interface Understanding {
  understand(text: string): Promise<Understood>;
}

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';
