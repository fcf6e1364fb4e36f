import { MAIN_ENTRY } from '../lambda/guidance';
import { saysDangerFirst } from './dangerFirst';

/**
 * How the navigation sets (tests/fixtures/unseen/*.navigation*.jsonl) are scored: one label per turn
 * of a script, read against the batch output's replies the way ../shared/eval/score-rehearsal.js
 * reads rehearsal scripts. The labels:
 *   welcome   the skill opens, or starts over: the welcome, listening
 *   topic=ID  a question: the reply's topic is ID (danger: 999 within the first eight words)
 *   more      more of the answer being read: the same topic, words not said just before, and not
 *             its first part again; with no answer being read (just after the welcome), the main
 *             answer (what to do when a lone officer stops you), listening
 *   repeat    words of the reply before said again (a passage of it, lead-ins aside)
 *   declined  "no" to an offer: "All right" early on, and the skill keeps listening
 *   end       the session ends
 *   open      a nation named with no question: said back, and the skill keeps listening, on no
 *             topic or on the answer being read
 */
export interface NavigationScript { readonly name: string; readonly turns: readonly string[]; readonly expect: readonly string[] }
export interface NavigationReply {
  readonly intent?: string; readonly topic?: string | null; readonly speech?: string; readonly reprompt?: string; readonly endSession?: boolean;
}

const plain = (x: unknown): string => String(x ?? '').replace(/<[^>]+>/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
const listening = (r: NavigationReply): boolean => r.endSession === false && plain(r.reprompt).length > 0;
const firstWords = (r: NavigationReply, n: number): string => plain(r.speech).split(' ').slice(0, n).join(' ');
const BROKEN = /(went wrong|an error|trouble (processing|understanding))/;
const NATION = /(england|wales|scotland|northern ireland)/;


/** The answer being read when a turn is said: its topic and its first part's words. */
interface Reading { topic: string | null; firstPart: string | null }

/** What a reply says before its closing question (the offers are the same on every page). */
const body = (r: NavigationReply): string => plain(r.speech).replace(/[^.!?]*\?$/, '').trim();
const PASSAGE = 60;
/**
 * Whether `said` says a passage of `before` again: any run of 60 characters of it (all of it, when
 * shorter), so a lead-in on either side ("All right: Scotland.", "All right, slower.") does not hide
 * a repeat.
 */
function sharesAPassage(said: string, before: string): boolean {
  const length = Math.min(PASSAGE, before.length);
  // A reply too short to carry a passage ("All right.") counts only when it is said again whole.
  if (length < 20) return length > 0 && said === before;
  for (let at = 0; at + length <= before.length; at++) if (said.includes(before.slice(at, at + length))) return true;
  return false;
}

/** The welcome, on opening or on starting over. */
const isWelcome = (r: NavigationReply): boolean => r.intent === 'LaunchRequest' || /this is officer check guide/.test(plain(r.speech));

type Check = (r: NavigationReply, previous: NavigationReply, reading: Reading) => boolean;
const CHECKS: Readonly<Record<string, Check>> = {
  welcome: (r) => listening(r) && isWelcome(r),
  more: (r, previous, reading) => (reading.topic === null
    ? listening(r) && r.topic === MAIN_ENTRY.topic
    : r.topic === reading.topic && plain(r.speech) !== plain(previous.speech) && plain(r.speech) !== reading.firstPart),
  repeat: (r, previous) => listening(r) && sharesAPassage(body(r), body(previous)),
  declined: (r) => listening(r) && /\ball right\b/.test(firstWords(r, 8)),
  end: (r) => r.endSession === true,
  open: (r, _previous, reading) => listening(r) && NATION.test(plain(r.speech)) && (r.topic === null || r.topic === reading.topic),
};

function passes(label: string, r: NavigationReply, previous: NavigationReply, reading: Reading): boolean {
  if (BROKEN.test(plain(r.speech))) return false;
  if (label.startsWith('topic=')) {
    const topic = label.slice('topic='.length);
    return r.topic === topic && (topic !== 'danger' || saysDangerFirst(r.speech ?? ''));
  }
  if (!Object.hasOwn(CHECKS, label)) throw new Error(`unknown label: ${label}`);
  return (CHECKS[label] as Check)(r, previous, reading);
}

/** The turns answered as their labels expect, and a line for each that was not. */
export function scoreNavigation(scripts: readonly NavigationScript[], repliesOf: (name: string) => readonly NavigationReply[]): { right: number; turns: number; misses: string[] } {
  let right = 0;
  let turns = 0;
  const misses: string[] = [];
  for (const script of scripts) {
    const replies = repliesOf(script.name);
    const reading: Reading = { topic: null, firstPart: null };
    if (script.expect.length !== script.turns.length) throw new Error(`${script.name}: ${script.turns.length} turns, ${script.expect.length} labels`);
    script.turns.forEach((turn, k) => {
      const r = replies[k] ?? {};
      const label = script.expect[k] ?? '';
      turns++;
      if (passes(label, r, replies[k - 1] ?? {}, reading)) right++;
      else misses.push(`${script.name} turn ${k + 1} (${label}) "${turn}" -> ${r.intent} topic=${r.topic} end=${r.endSession}: ${plain(r.speech).slice(0, 100)}`);
      // A question starts a new answer, even on the topic of the last one (overview and driving share one).
      if (r.topic && (r.topic !== reading.topic || label.startsWith('topic='))) Object.assign(reading, { topic: r.topic, firstPart: plain(r.speech) });
      // The welcome (opening or starting over) and the end leave no answer being read.
      if (isWelcome(r) || r.endSession) Object.assign(reading, { topic: null, firstPart: null });
    });
  }
  return { right, turns, misses };
}
