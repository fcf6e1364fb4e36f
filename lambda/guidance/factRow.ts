/** Confidence as the fact sheet rates it; a range is rated by its weaker end. */
export type Confidence = 'High' | 'Medium' | 'Low' | 'Analysis';

/** One row of the vetted fact sheet, as the guide export and the tests need it. */
export interface FactRow {
  readonly id: string;
  readonly confidence: Confidence;
  readonly confidenceNote: string;
  readonly jurisdictions: readonly string[];
  readonly fact: string;
  readonly source: string;
  /** The sheet marks the row with a warning (disputed, dated, jurisdiction-specific or unverified). */
  readonly disputed: boolean;
}
