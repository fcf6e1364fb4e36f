import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import enGB from '../lambda/locales/en-GB.json';
import { isSentenceKey, translatorFor } from '../lambda/locales/i18n';
import {
  MOVE_IDS, MOVES, SCENES, chooseScene, hint, hintKey, openScene, play, readProgress, skip, summaryLines, withEnded, withUnfinished,
  NO_PROGRESS, type Feedback, type MoveId, type SceneProgress, type SceneSpec,
} from '../lambda/rehearsal';
import { render } from '../lambda/speech/ssml';

// The rehearsal module on its own: its words exist, rest on the fact sheet, and respect its warnings.
const sheet = readFileSync(join(__dirname, 'fixtures', 'uk-facts.md'), 'utf8');
const rowsInSheet = new Set([...sheet.matchAll(/^\| ([A-K]\d+) \|/gm)].map((m) => m[1]));
const t = translatorFor('en-GB');
const speak = (key: string, params?: Record<string, string>) => render(t, [{ key, ...(params ? { params } : {}) }]).plain;

/** Every piece of feedback a scene can give for every move, with the verdict it carries there. */
function feedbackIn(scene: SceneSpec): { move: MoveId; feedback: Feedback; verdict: string | null }[] {
  return MOVE_IDS.map((said) => {
    const turn = play({ scene: scene.id, beat: 0, made: [], unsafe: [] }, said);
    const move = scene.sameAs[said] ?? said;
    const feedback = scene.feedback[said] ?? scene.feedback[move] ?? MOVES[move].feedback;
    return { move: said, feedback, verdict: turn.verdict };
  });
}

/** Each piece of feedback, and the words it has for a nation whose law needs others. */
const allFeedback = SCENES.flatMap((scene) => feedbackIn(scene).flatMap((f) => [
  { scene: scene.id, ...f },
  ...Object.values(f.feedback.nations ?? {}).map((feedback) => ({ scene: scene.id, ...f, feedback })),
]));

describe('rehearsal content', () => {
  test('there are at least five scenes, each with beats and key moves', () => {
    expect(SCENES.length).toBeGreaterThanOrEqual(5);
    for (const scene of SCENES) {
      expect(scene.beats.length).toBeGreaterThanOrEqual(3);
      expect(scene.keyMoves.length).toBeGreaterThanOrEqual(3);
    }
  });

  test('every key the module speaks has words in the locale file', () => {
    const keys = [
      ...SCENES.flatMap((s) => [s.unfinishedKey, s.settingKey, ...s.beats.map((b) => b.key), ...Object.values(s.remember).flatMap((stem) => [`${stem}.hint`, `${stem}.remember`])]),
      ...Object.values(MOVES).flatMap((m) => [m.doneKey, m.hintKey, m.rememberKey, m.slippedKey, m.feedback.key]),
      ...allFeedback.map((f) => f.feedback.key),
      'rehearsal.start.howItWorks', 'rehearsal.again', 'rehearsal.skipped', 'rehearsal.howTo', 'rehearsal.notSure',
    ];
    expect(keys.filter((key) => !isSentenceKey(key))).toEqual([]);
  });

  test('feedback that judges a move names fact-sheet rows, and every row exists', () => {
    const problems = allFeedback.flatMap(({ scene, move, feedback, verdict }) => {
      if (verdict === null) return []; // a pointer ("you are on foot"), not a judgement
      if (feedback.rows.length === 0) return [`${scene}/${move}: no rows`];
      return feedback.rows.filter((r) => !rowsInSheet.has(r)).map((r) => `${scene}/${move}: ${r} not in the sheet`);
    });
    expect(problems).toEqual([]);
  });

  test('for drivers, feedback rests on section I, besides the rules that hold for anyone (Alexa cannot call; no bank details; a card alone can be faked)', () => {
    const anyone = new Set(['D8', 'B9', 'B10', 'E7', 'B4', 'B12', 'E6']);
    const driver = allFeedback.filter((f) => f.scene === 'unmarked_car' && f.verdict !== null);
    expect(driver.flatMap((f) => f.feedback.rows.filter((r) => !r.startsWith('I') && !anyone.has(r)).map((r) => `${f.move}: ${r}`))).toEqual([]);
  });

  test('asking for a check over their own radio is partial everywhere, and the feedback says why', () => {
    for (const f of allFeedback.filter((x) => x.move === 'radio_check')) {
      expect(f.verdict).toBe('partial');
      // A radio can be faked; a call you make yourself is harder to fake (in Scotland too, where the check is Police Scotland's own).
      expect(speak(f.feedback.key)).toMatch(/fake|check for yourself/);
    }
  });

  test('danger feedback says nine nine nine within its first eight words, and that Alexa cannot call', () => {
    for (const f of allFeedback.filter((x) => x.move === 'safe_place')) {
      const words = speak(f.feedback.key).toLowerCase().replace(/[^a-z' ]/g, ' ').split(/\s+/).filter(Boolean);
      const at = words.findIndex((w, i) => w === 'nine' && words[i + 1] === 'nine' && words[i + 2] === 'nine');
      expect({ scene: f.scene, at: at >= 0 && at < 8 }).toEqual({ scene: f.scene, at: true });
      expect(speak(f.feedback.key)).toMatch(/Alexa can't call/);
    }
  });

  test('risky moves are unsafe wherever they are made, and corrected calmly, never with blame', () => {
    for (const f of allFeedback.filter((x) => x.move === 'go_with_them' || x.move === 'hand_over_money')) {
      expect(f.verdict).toBe('unsafe');
      const words = speak(f.feedback.key);
      expect(words).toMatch(/safer|don't|never/i);
      expect(words).not.toMatch(/wrong|mistake|stupid|should have|shouldn't have/i);
    }
  });

  test('no rehearsal line suggests hazard lights (the Highway Code forbids them while moving) or that Alexa can call for help', () => {
    const flatten = (node: unknown): string[] =>
      typeof node === 'string' ? [node] : Object.values(node as Record<string, unknown>).flatMap(flatten);
    const lines = flatten(enGB.translation.rehearsal);
    // Hazard lights appear only to say not to use them while moving (I24).
    expect(lines.filter((l) => /hazard/i.test(l) && !/Don't use your hazard lights while you're moving/.test(l))).toEqual([]);
    expect(lines.filter((l) => /\b(i'll|i will|let me) (call|ring|phone)\b/i.test(l))).toEqual([]);
  });

  test('every hint names something to say or check', () => {
    for (const scene of SCENES) {
      for (const move of scene.keyMoves) {
        expect(speak(hintKey(scene.id, move))).toMatch(/warrant|colleague|999|nine nine nine|one oh one|station|why/);
      }
    }
  });
});

describe('playing a scene', () => {
  const start = (): SceneProgress => openScene('quiet_street', true).progress;

  test('a good move moves the scene on; a risky one is corrected and the same moment comes again', () => {
    const good = play(start(), 'warrant_card');
    expect(good).toMatchObject({ verdict: 'good', move: 'warrant_card', progress: { beat: 1, made: ['warrant_card'] } });
    const risky = play(good.progress, 'go_with_them');
    expect(risky).toMatchObject({ verdict: 'unsafe', progress: { beat: 1, unsafe: ['go_with_them'] } });
    expect(risky.lines.map((l) => l.key)).toContain('rehearsal.scenes.quiet_street.beat2');
  });

  test('a hint names the most important key move not made yet, and the scene waits', () => {
    const after = play(start(), 'warrant_card').progress;
    const h = hint(after);
    expect(h).toMatchObject({ verdict: 'hint', move: null, progress: after });
    expect(h.lines[0]?.key).toBe('rehearsal.moves.call_to_check.hint');
  });

  test('on the road, getting somewhere safe means driving on; on foot, going on somewhere busy means getting to people', () => {
    expect(play(openScene('unmarked_car', false).progress, 'safe_place')).toMatchObject({ move: 'drive_on', verdict: 'good' });
    expect(play(start(), 'drive_on')).toMatchObject({ move: 'safe_place', verdict: 'good', progress: { beat: 1 } });
  });

  test('on foot, staying put counts as standing firm; seeing a car\'s signal has no place and gets a pointer', () => {
    const stayed = play(start(), 'stay_locked');
    expect(stayed).toMatchObject({ move: 'stand_firm', verdict: 'good', progress: { made: ['stand_firm'] } });
    expect(speak(stayed.lines[0]?.key ?? '')).toMatch(/stay where you are, near other people/);
    expect(play(start(), 'signal_seen')).toMatchObject({ verdict: null, progress: { beat: 0 } });
    expect(speak(play(start(), 'signal_seen').lines[0]?.key ?? '')).toMatch(/on foot, not in a car/);
  });

  test('on the road, speeding off is corrected as risky: "don\'t speed off" (I8)', () => {
    const sped = play(openScene('unmarked_car', false).progress, 'walk_away');
    expect(sped).toMatchObject({ verdict: 'unsafe', progress: { unsafe: ['walk_away'] } });
    expect(speak(sped.lines[0]?.key ?? '')).toMatch(/^Don't speed off\./);
  });

  test('the scene ends after its last beat, and the summary names the moves made and the first one missed', () => {
    let p = start();
    for (const move of ['warrant_card', 'colleagues', 'why_stopping'] as const) p = play(p, move).progress;
    const last = play(p, 'safe_place');
    expect(last).toMatchObject({ over: true, endsScene: true });
    expect(play(last.progress, 'colleagues')).toMatchObject({ over: true, endsScene: false });
    const words = render(t, summaryLines(last.progress, 'finished')).plain;
    expect(words).toMatch(/You asked for the warrant card\. You asked where their colleagues are\. You asked why they were stopping you\. You knew to call nine nine nine/);
    expect(words).toMatch(/One to remember next time: call nine nine nine on your own phone to check who they are/);
  });

  test('skipping past the last beat ends the scene', () => {
    let p = start();
    for (let i = 0; i < 3; i++) p = skip(p).progress;
    expect(skip(p)).toMatchObject({ over: true, endsScene: true });
  });
});

describe('progress', () => {
  test('a finished scene records what was missed; a scene stopped before any move records nothing', () => {
    const p = play(openScene('front_door', false).progress, 'warrant_card').progress;
    expect(withEnded(NO_PROGRESS, p, 'stopped')).toEqual({ scenesDone: [], missed: ['call_to_check', 'stand_firm'], unfinished: null });
    expect(withEnded({ ...NO_PROGRESS, missed: ['colleagues'] }, openScene('front_door', false).progress, 'stopped').missed).toEqual(['colleagues']);
    const done = withEnded(NO_PROGRESS, { ...p, beat: 4 }, 'finished');
    expect(done.scenesDone).toEqual(['front_door']);
  });

  test('the next scene is the one asked for, else the first not yet done', () => {
    expect(chooseScene(NO_PROGRESS, null)).toBe('quiet_street');
    expect(chooseScene({ ...NO_PROGRESS, scenesDone: ['quiet_street'] }, null)).toBe('busy_street');
    expect(chooseScene(NO_PROGRESS, 'cannot_see')).toBe('cannot_see');
    expect(chooseScene(NO_PROGRESS, null, 'cannot_see')).toBe('uniform_officer');
    expect(chooseScene(NO_PROGRESS, null, 'uniform_officer')).toBe('quiet_street');
  });

  test('stored progress is read back, and anything malformed reads as none', () => {
    const saved = withUnfinished(NO_PROGRESS, { scene: 'busy_street', beat: 2, made: ['warrant_card'], unsafe: [] });
    expect(readProgress(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    for (const bad of [null, 'x', 42, { scenesDone: 'all' }, { unfinished: { scene: 'moon', beat: 0, made: [], unsafe: [] } },
      { unfinished: { scene: 'busy_street', beat: 99, made: [], unsafe: [] } }, { missed: ['launch_missiles'] }]) {
      const read = readProgress(bad);
      expect(read.unfinished).toBeNull();
      expect(read.missed.every((m) => (MOVE_IDS as readonly string[]).includes(m))).toBe(true);
    }
  });
});
