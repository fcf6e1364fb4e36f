import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import { check } from 'ssml-check-core';
import { ssmlToText } from '../../simulator/speechText';

/** Alexa's limits on what one response may carry. */
const LIMITS = { speechChars: 8000, cardChars: 8000, responseBytes: 24 * 1024 };

const ssmlOf = (s: ui.OutputSpeech | undefined) => (s && s.type === 'SSML' ? s.ssml : '');

/**
 * ssml-check's verdict on each SSML text, checked once: the skill says the same texts over and over
 * (docs/testing.md has a fuzz run's count), and the check is a pure function of the text.
 */
const verdicts = new Map<string, ReturnType<typeof check>>();
function ssmlErrors(ssml: string): ReturnType<typeof check> {
  let verdict = verdicts.get(ssml);
  if (!verdict) {
    verdict = check(ssml, { platform: 'amazon' });
    verdicts.set(ssml, verdict);
  }
  return verdict;
}

/** Text Alexa would read with digits: everything outside <sub> elements, tags dropped. */
function bareDigits(ssml: string): string[] {
  const outside = ssml.replace(/<sub\s[^>]*>[^<]*<\/sub>/g, ' ').replace(/<[^>]+>/g, ' ');
  return outside.match(/\d+/g) ?? [];
}

/**
 * What every response must be, whatever was asked: valid Alexa SSML with no bare numbers, within
 * Alexa's limits, and no dead end (an open session asks a question and has a reprompt).
 * Returns the problems found, so a test can show them all at once.
 */
export async function problemsWith(envelope: ResponseEnvelope): Promise<string[]> {
  const problems: string[] = [];
  const response = envelope.response;
  const speech = ssmlOf(response.outputSpeech);
  const reprompt = ssmlOf(response.reprompt?.outputSpeech);
  // Everything spoken goes through speech/ssml.ts; plain text would escape every check below.
  for (const [name, output] of [['speech', response.outputSpeech], ['reprompt', response.reprompt?.outputSpeech]] as const) {
    if (output && output.type !== 'SSML') problems.push(`${name} is not SSML`);
  }
  for (const [name, ssml] of [['speech', speech], ['reprompt', reprompt]] as const) {
    if (!ssml) continue;
    const errors = await ssmlErrors(ssml);
    if (errors && errors.length) problems.push(`${name} SSML invalid: ${JSON.stringify(errors).slice(0, 300)}`);
    if (bareDigits(ssml).length) problems.push(`${name} speaks bare numbers: ${bareDigits(ssml).join(', ')}`);
    if (ssml.length > LIMITS.speechChars) problems.push(`${name} longer than ${LIMITS.speechChars} characters`);
  }
  if (response.card?.type === 'Simple' && (response.card.content ?? '').length > LIMITS.cardChars) problems.push('card too long');
  if (response.card?.type === 'Simple' && !(response.card.title ?? '').trim()) problems.push('card without a title');
  if (Buffer.byteLength(JSON.stringify(envelope)) > LIMITS.responseBytes) problems.push('response over 24 KB');
  if (response.shouldEndSession === false) {
    if (!reprompt) problems.push('open session without a reprompt');
    if (!ssmlToText(speech).includes('?')) problems.push('open session that asks no question');
  }
  return problems;
}
