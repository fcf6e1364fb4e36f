import type { Translate } from '../locales/i18n';
import { render, type Line } from './ssml';

/** A group of numbered steps, optionally under a heading. */
export interface CardSection {
  readonly heading?: Line;
  readonly steps: readonly Line[];
}

/**
 * Card text for reading later, by eye or screen reader: one numbered step per line (numbering runs
 * on across sections, so "step five" means one thing), headings on their own lines, blank lines
 * between groups, and digits for phone numbers as cards always show them.
 */
export function stepsCardText(t: Translate, sections: readonly CardSection[], closing: readonly Line[]): string {
  const cardOf = (line: Line) => render(t, [line]).card;
  let number = 0;
  const blocks = sections.filter((s) => s.steps.length > 0).map((section) => [
    ...(section.heading ? [cardOf(section.heading)] : []),
    ...section.steps.map((step) => `${++number}. ${cardOf(step)}`),
  ].join('\n'));
  return [...blocks, closing.map(cardOf).join('\n')].filter(Boolean).join('\n\n');
}
