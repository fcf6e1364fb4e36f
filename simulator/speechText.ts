/** What Alexa would say, as plain text: <sub> read as its alias, other tags dropped, entities decoded. */
export function ssmlToText(ssml: string | undefined | null): string {
  if (!ssml) return '';
  return ssml
    .replace(/<sub\s+alias="([^"]*)"\s*>[^<]*<\/sub>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+([.,;:?!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
