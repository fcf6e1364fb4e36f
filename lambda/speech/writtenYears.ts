/**
 * Speech spells years out ("twenty twenty-one") because no bare number may reach Alexa; cards, screens
 * and the text guide are read, where "2021" is quicker for the eye and for a screen reader.
 */
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const YEAR = new RegExp(`\\b(nineteen|twenty) (?:(${TEENS.join('|')})|(${TENS.join('|')})(?:-(${UNITS.join('|')}))?)\\b`, 'g');

export function writtenYears(text: string): string {
  return text.replace(YEAR, (_all, century: string, teen?: string, tens?: string, unit?: string) => {
    const hundreds = century === 'nineteen' ? 19 : 20;
    const rest = teen ? 10 + TEENS.indexOf(teen) : 20 + 10 * TENS.indexOf(tens ?? 'twenty') + (unit ? UNITS.indexOf(unit) + 1 : 0);
    return String(hundreds * 100 + rest);
  });
}
