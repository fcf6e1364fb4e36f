import type { ResponseEnvelope } from 'ask-sdk-model';
import { ssmlToText } from '../../simulator/speechText';
import type { RequestBody } from '../../simulator/envelope';
import { intent, SessionDriver } from './requests';
import { problemsWith } from './wellFormed';

/**
 * Conversations as scripts of user and Alexa turns, in the style of ask-sdk-controls' testTurn: each
 * turn is what the user says (the intent and slots Alexa would send) and what Alexa must do in reply.
 * Every reply is also checked to be well formed (valid SSML, no bare numbers, no dead end).
 */

/** What Alexa must do in reply. Only what is given is checked, except `ends` (false unless given). */
interface AlexaTurn {
  /** What is said, as plain text: the whole of it, or patterns it matches (every one of them). */
  readonly says?: string | RegExp | readonly RegExp[];
  /** True when nothing at all is said (a session Alexa ended). */
  readonly silent?: true;
  /** A pattern the speech must not match. */
  readonly never?: RegExp;
  /** True when the reply ends the session; false means it keeps listening. */
  readonly ends?: boolean;
  /** The batch contract's topic of the reply (null for navigation and preferences). */
  readonly topic?: string | null;
  /** The rehearsal report: the scene, the move recognised and its verdict. */
  readonly scene?: string;
  readonly move?: string | null;
  readonly verdict?: string | null;
  /** The title of the card in the Alexa app. */
  readonly cardTitle?: string;
}

/** One exchange: what the user says, and what Alexa must do. */
export type Turn = readonly [RequestBody, AlexaTurn];

export const said = (r: ResponseEnvelope): string => ssmlToText(r.response.outputSpeech?.type === 'SSML' ? r.response.outputSpeech.ssml : '');

interface Conversation { readonly topic?: string | null; readonly rehearsal?: { scene?: string; move?: string | null; verdict?: string | null } | null }
export const conversationOf = (r: ResponseEnvelope): Conversation => (r.sessionAttributes?.conversation ?? {}) as Conversation;

/** The user saying an intent, with no slots. */
export const user = (name: string): RequestBody => intent(name);

/**
 * Plays the turns in order through the driver (one user, sessions carried on as Alexa does) and
 * checks each reply; returns the replies for anything more a test wants to look at.
 */
export async function testTurns(driver: SessionDriver, turns: readonly Turn[]): Promise<ResponseEnvelope[]> {
  const replies: ResponseEnvelope[] = [];
  for (const [body, alexa] of turns) {
    const r = await driver.send(body);
    replies.push(r);
    const speech = said(r);
    // Every check names the turn, so a failure says which exchange went wrong.
    const turn = `${body.type === 'IntentRequest' ? body.intent : body.type} -> ${speech}`;
    const check = (what: string, actual: unknown, expected: unknown) => expect({ turn, [what]: actual }).toEqual({ turn, [what]: expected });
    check('problems', await problemsWith(r), []);
    check('ends', r.response.shouldEndSession !== false, alexa.ends ?? false);
    if (typeof alexa.says === 'string') check('says', speech, alexa.says);
    for (const pattern of alexa.says instanceof RegExp ? [alexa.says] : typeof alexa.says === 'string' ? [] : alexa.says ?? []) {
      check(`says ${String(pattern)}`, pattern.test(speech), true);
    }
    if (alexa.silent) check('silent', r.response.outputSpeech, undefined);
    if (alexa.never) check('never', alexa.never.test(speech), false);
    const { topic, rehearsal } = conversationOf(r);
    if (alexa.topic !== undefined) check('topic', topic ?? null, alexa.topic);
    if (alexa.scene !== undefined) check('scene', rehearsal?.scene, alexa.scene);
    if (alexa.move !== undefined) check('move', rehearsal?.move ?? null, alexa.move);
    if (alexa.verdict !== undefined) check('verdict', rehearsal?.verdict ?? null, alexa.verdict);
    if (alexa.cardTitle !== undefined) check('cardTitle', r.response.card?.type === 'Simple' ? r.response.card.title : undefined, alexa.cardTitle);
  }
  return replies;
}
