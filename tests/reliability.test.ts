import fs from 'node:fs';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { GUIDANCE, pagesOf, type Nation } from '../lambda/guidance';
import { MAX_SPOKEN_LINES } from '../lambda/handlers/support/state';
import { topicHandler } from '../lambda/handlers/topic';
import { handler } from '../lambda/index';
import { setLogSink } from '../lambda/observability/log';
import { buildEnvelope, newSession, SIMULATOR_SKILL_ID, SIMULATOR_USER_ID } from '../simulator/envelope';
import { ssmlToText } from '../simulator/speechText';
import { intent, launch, SessionDriver } from './support/requests';
import { problemsWith } from './support/wellFormed';

const said = (r: ResponseEnvelope) => ssmlToText(r.response.outputSpeech?.type === 'SSML' ? r.response.outputSpeech.ssml : '');
const heardAgain = (r: ResponseEnvelope) => ssmlToText(r.response.reprompt?.outputSpeech?.type === 'SSML' ? r.response.reprompt.outputSpeech.ssml : '');
const conversationOf = (r: ResponseEnvelope) => r.sessionAttributes?.conversation as { topic?: string | null; entry?: string | null; page?: number } | undefined;

/** An envelope of any request type, in a session or not, built like the simulator's own. */
function envelopeOf(request: Record<string, unknown>, inSession = true, attributes: Record<string, unknown> = {}): RequestEnvelope {
  const envelope = buildEnvelope({ type: 'LaunchRequest' }, { ...newSession(), attributes }) as unknown as Record<string, unknown>;
  return {
    ...envelope,
    ...(inSession ? {} : { session: undefined }),
    request: { ...(envelope.request as object), ...request },
  } as unknown as RequestEnvelope;
}

describe('requests the skill has no feature for get a calm, correct answer', () => {
  test.each([
    ['SessionEndedRequest', { type: 'SessionEndedRequest', reason: 'ERROR', error: { type: 'INVALID_RESPONSE', message: 'bad' } }, true],
    ['System.ExceptionEncountered', { type: 'System.ExceptionEncountered', error: { type: 'INVALID_RESPONSE', message: 'bad' }, cause: { requestId: 'x' } }, false],
    ['AlexaSkillEvent.SkillEnabled', { type: 'AlexaSkillEvent.SkillEnabled', eventCreationTime: new Date().toISOString() }, false],
    ['AlexaSkillEvent.SkillDisabled', { type: 'AlexaSkillEvent.SkillDisabled', eventCreationTime: new Date().toISOString() }, false],
    ['AlexaSkillEvent.SkillPermissionAccepted', { type: 'AlexaSkillEvent.SkillPermissionAccepted', body: { acceptedPermissions: [] } }, false],
    ['AudioPlayer.PlaybackStopped', { type: 'AudioPlayer.PlaybackStopped', token: 't', offsetInMilliseconds: 0 }, false],
  ])('%s is acknowledged without a word', async (_name, request, inSession) => {
    const r = await handler(envelopeOf(request, inSession));
    expect(r.response.outputSpeech).toBeUndefined();
    expect(r.response.reprompt).toBeUndefined();
    expect(r.response.card).toBeUndefined();
  });

  test('a CanFulfillIntentRequest is declined, since name-free interaction is not offered', async () => {
    const r = await handler(envelopeOf({ type: 'CanFulfillIntentRequest', intent: { name: 'InDangerIntent', slots: {} } }));
    expect(r.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
    expect(r.response.outputSpeech).toBeUndefined();
  });

  test.each([
    ['Alexa.Presentation.APL.UserEvent', { type: 'Alexa.Presentation.APL.UserEvent', token: 't', arguments: ['x'] }],
    ['Connections.Response', { type: 'Connections.Response', name: 'AskFor', status: { code: '200', message: 'OK' }, payload: {} }],
    ['a request type Alexa never sends', { type: 'Bogus.Request' }],
  ])('%s in a session: a short word and the usual question, and the place is kept', async (_name, request) => {
    const d = new SessionDriver(handler);
    const first = await d.send(intent('WalkingAwayIntent'));
    const r = await handler(envelopeOf(request, true, first.sessionAttributes ?? {}));
    expect(said(r)).toMatch(/^In danger now\? Call nine nine nine\. I can't use that here, but I can answer by voice\..*\?$/);
    expect(r.response.shouldEndSession).toBe(false);
    expect(await problemsWith(r)).toEqual([]);
    expect(conversationOf(r)).toMatchObject({ entry: conversationOf(first)?.entry, page: 0 });
  });

  test('an intent the skill does not know is treated as outside its scope', async () => {
    const r = await new SessionDriver(handler).send(intent('AMAZON.PauseIntent'));
    expect(said(r)).toMatch(/I can't help with that here/);
    expect(conversationOf(r)?.topic).toBe('out_of_scope');
    expect(r.response.shouldEndSession).toBe(false);
  });

  test('an event that is no request at all still gets the calm answer, not an exception', async () => {
    for (const event of [null, 'hello', {}, []]) {
      const r = await handler(event as unknown as RequestEnvelope);
      expect(said(r)).toMatch(/^Sorry, I missed that\./);
      expect(await problemsWith(r)).toEqual([]);
    }
  });
});

describe('a broken session is not carried on', () => {
  test('every answer the skill gives fits in what a session may hold, so it can be repeated', () => {
    // A guidance page and one lead-in line ("From the top.") is the longest answer.
    const longest = Math.max(...GUIDANCE.flatMap((entry) => [null, 'scotland', 'northern_ireland'].flatMap((nation) =>
      pagesOf(entry, nation as Nation | null).map((page) => page.length + 1))));
    expect(longest).toBeLessThanOrEqual(MAX_SPOKEN_LINES);
  });

  test('session attributes nested deeper than the skill ever writes are dropped, not a crash', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50000; i += 1) deep = { a: deep };
    const r = await handler(envelopeOf({ type: 'IntentRequest', intent: { name: 'AMAZON.RepeatIntent', confirmationStatus: 'NONE' } }, true, { conversation: deep, other: deep }));
    expect(said(r)).toMatch(/^In danger now\? Call nine nine nine\. There's nothing to repeat yet\./);
    expect(Object.keys(r.sessionAttributes ?? {}).sort()).toEqual(['conversation', 'preferences']);
  });

  test('foreign attributes are dropped and a tampered conversation is read as a clean one', async () => {
    const tampered = {
      conversation: { topic: 'danger<', entry: 'nowhere', page: -3, last: { lines: [{ key: 'no.such.key' }, { key: 'offers' }], cardTitleKey: 'x' } },
      injected: 'x'.repeat(30000),
    };
    const r = await handler(envelopeOf({ type: 'IntentRequest', intent: { name: 'AMAZON.RepeatIntent', confirmationStatus: 'NONE' } }, true, tampered));
    expect(said(r)).toMatch(/^In danger now\? Call nine nine nine\. There's nothing to repeat yet\./);
    expect(Object.keys(r.sessionAttributes ?? {}).sort()).toEqual(['conversation', 'preferences']);
    expect(conversationOf(r)).toMatchObject({ entry: null, page: 0 });
    expect(await problemsWith(r)).toEqual([]);
  });

  test('parts a session claims were heard count only when they are the answer\'s own: the rest is read as nothing heard', async () => {
    const verify = GUIDANCE.find((e) => e.id === 'verify');
    const secondPage = verify ? pagesOf(verify, 'england_wales')[1] ?? [] : [];
    const more = { type: 'IntentRequest', intent: { name: 'AMAZON.MoreIntent', confirmationStatus: 'NONE' } };
    const at = (heard: unknown) => ({ conversation: { topic: 'verify', entry: 'verify', page: 0, nation: 'england_wales', heard } });
    const clean = said(await handler(envelopeOf(more, true, at(undefined))));
    const otherEntries = GUIDANCE.find((e) => e.id === 'overview')?.summary.map((part) => part.key) ?? [];
    expect(said(await handler(envelopeOf(more, true, at([...otherEntries, 7, null, 'no.such.key', { key: 'x' }]))))).toBe(clean);
    // Its own second page's first part, claimed heard in another layout, is left out of going on.
    const first = secondPage[0]?.key;
    expect(secondPage.length).toBeGreaterThan(1);
    expect(said(await handler(envelopeOf(more, true, at([first]))))).not.toBe(clean);
  });

  test('parts claimed heard of the danger answer, given whole, are never left out: 999 still comes first', async () => {
    const danger = GUIDANCE.find((e) => e.whole);
    const more = { type: 'IntentRequest', intent: { name: 'AMAZON.MoreIntent', confirmationStatus: 'NONE' } };
    const forged = { conversation: { topic: 'danger', entry: danger?.id, page: -1, heard: danger?.summary.map((part) => part.key) } };
    expect(said(await handler(envelopeOf(more, true, forged)))).toMatch(/^Call nine nine nine on your own phone now\./);
  });

  test('a value named like a phone number cannot replace the number in a repeated sentence', async () => {
    const attributes = { conversation: { topic: 'danger', entry: 'danger', page: 0, last: { lines: [{ key: 'guidance.danger.call', params: { 999: 'a stranger' } }] } } };
    const r = await handler(envelopeOf({ type: 'IntentRequest', intent: { name: 'AMAZON.RepeatIntent', confirmationStatus: 'NONE' } }, true, attributes));
    expect(said(r)).not.toMatch(/stranger/);
  });
});

describe('the error handler answers calmly and lets the user carry on', () => {
  afterEach(() => jest.restoreAllMocks());

  test('a handler that throws: an apology, the same question again, and the place kept', async () => {
    const d = new SessionDriver(handler);
    // Where the user is is known, so the answer closes on "more" rather than asking it.
    await d.send(intent('SetNationIntent', { nation: { value: 'england', id: 'england_wales' } }));
    const first = await d.send(intent('WalkingAwayIntent'));
    expect(said(first)).toMatch(/Would you like to hear more\?$/);
    jest.spyOn(topicHandler, 'handle').mockImplementationOnce(() => {
      throw new Error('forced failure');
    });
    const failed = await d.send(intent('CheckOfficerIsRealIntent'));
    expect(said(failed)).toBe("Sorry, I missed that. In danger now? Call nine nine nine. Your place is kept, so nothing is lost. Would you like to hear more?");
    expect(heardAgain(failed)).toMatch(/Say yes for more/);
    expect(failed.response.shouldEndSession).toBe(false);
    expect(await problemsWith(failed)).toEqual([]);

    // "Yes" still means "more" of the answer the user was hearing, and "repeat" says that answer.
    const yes = await d.send(intent('AMAZON.YesIntent'));
    // England and Wales's own law was on the first page; more goes on from there.
    expect(said(yes)).toMatch(/^A court there has said genuine self-defence/);
    const again = await d.send(intent('AMAZON.RepeatIntent'));
    expect(said(again)).toBe(said(yes));
  });

  test('the error handler is logged with the error name and where it was thrown, never the message', async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    try {
      jest.spyOn(topicHandler, 'handle').mockImplementationOnce(() => {
        throw new Error(`secret ${SIMULATOR_USER_ID}`);
      });
      await new SessionDriver(handler).send(intent('InDangerIntent'));
    } finally {
      setLogSink(previous);
    }
    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(logged).toMatchObject({ event: 'request', requestType: 'IntentRequest', intent: 'InDangerIntent', error: 'Error', sessionEnded: false });
    expect(String(logged.at)).toMatch(/reliability\.test\.ts:\d+:\d+$/);
    expect(lines[0]).not.toMatch(/secret|amzn1\.ask\.account/);
  });
});

describe('request log', () => {
  test('one JSON line per request: type, intent, topic, latency, session ended; nothing personal', async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    const d = new SessionDriver(handler);
    try {
      await d.send(launch());
      await d.send(intent('LoneOfficerStopIntent', { nation: { value: 'glasgow private words', id: 'scotland' } }, ['nation']));
      await d.send(intent('AMAZON.StopIntent'));
    } finally {
      setLogSink(previous);
    }
    expect(lines).toHaveLength(3);
    const [opened, asked, stopped] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(opened).toMatchObject({ event: 'request', requestType: 'LaunchRequest', topic: null, sessionEnded: false });
    expect(asked).toMatchObject({ event: 'request', requestType: 'IntentRequest', intent: 'LoneOfficerStopIntent', topic: 'overview', sessionEnded: false });
    expect(typeof asked?.latencyMs).toBe('number');
    expect(stopped).toMatchObject({ intent: 'AMAZON.StopIntent', topic: 'stop', sessionEnded: true });
    const everything = lines.join('\n');
    expect(everything).not.toMatch(/glasgow|private|amzn1\.ask\.account|amzn1\.echo-api\.session|amzn1\.ask\.device|SIMULATOR/);
  });

  test('a session Alexa ended with an error logs its reason and error type only', async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    try {
      await handler(envelopeOf({ type: 'SessionEndedRequest', reason: 'ERROR', error: { type: 'INVALID_RESPONSE', message: 'user said private words' } }));
    } finally {
      setLogSink(previous);
    }
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ requestType: 'SessionEndedRequest', reason: 'ERROR', alexaError: 'INVALID_RESPONSE' }),
    ]);
    expect(lines.join('')).not.toMatch(/private/);
  });
});

describe('where log lines go', () => {
  test('a line file descriptor 2 refuses (a full pipe) goes through the stderr stream, and so does every line after it, in order', () => {
    let log: typeof import('../lambda/observability/log') | undefined;
    jest.isolateModules(() => {
      log = require('../lambda/observability/log') as typeof import('../lambda/observability/log');
    });
    const direct: string[] = [];
    const streamed: string[] = [];
    const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, text: string) => {
      if (fd !== 2) throw new Error(`unexpected write to ${fd}`);
      if (direct.length === 1) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
      direct.push(text);
      return text.length;
    }) as typeof fs.writeSync);
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(((text: string) => {
      streamed.push(text);
      return true;
    }) as typeof process.stderr.write);
    try {
      for (const n of [1, 2, 3]) log?.logLine({ event: 'request', n });
    } finally {
      writeSync.mockRestore();
      write.mockRestore();
    }
    expect(direct).toEqual(['{"event":"request","n":1}\n']);
    expect(streamed).toEqual(['{"event":"request","n":2}\n', '{"event":"request","n":3}\n']);
  });
});

describe('skill id verification (SKILL_ID)', () => {
  const OURS = 'amzn1.ask.skill.ours-0000';
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.SKILL_ID;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.SKILL_ID;
    else process.env.SKILL_ID = previous;
  });

  /** The Lambda entry as loaded with this environment (it reads SKILL_ID once, when loaded). */
  function entryWith(skillId: string | undefined): typeof handler {
    if (skillId === undefined) delete process.env.SKILL_ID;
    else process.env.SKILL_ID = skillId;
    let loaded: typeof handler | undefined;
    jest.isolateModules(() => {
      // A fresh module registry: its request log needs silencing again.
      (require('../lambda/observability/log') as typeof import('../lambda/observability/log')).setLogSink(() => undefined);
      loaded = (require('../lambda/index') as typeof import('../lambda/index')).handler;
    });
    return loaded as typeof handler;
  }

  function forSkill(applicationId: string): RequestEnvelope {
    const envelope = buildEnvelope({ type: 'LaunchRequest' }, newSession()) as unknown as { session: { application: object }; context: { System: { application: object } } };
    envelope.session.application = { applicationId };
    envelope.context.System.application = { applicationId };
    return envelope as unknown as RequestEnvelope;
  }

  test('with SKILL_ID set, a request for another skill is refused: the promise rejects', async () => {
    const entry = entryWith(OURS);
    await expect(entry(forSkill(SIMULATOR_SKILL_ID))).rejects.toThrow(/ID verification failed/);
    await expect(entry(forSkill(''))).rejects.toThrow();
    await expect(entry({} as RequestEnvelope)).rejects.toThrow();
  });

  test('with SKILL_ID set, a request for this skill is answered', async () => {
    const r = await entryWith(OURS)(forSkill(OURS));
    expect(said(r)).toMatch(/call nine nine nine/);
  });

  test('without SKILL_ID, any skill id is answered (the simulator and tests rely on it)', async () => {
    const r = await entryWith(undefined)(forSkill('amzn1.ask.skill.someone-else'));
    expect(said(r)).toMatch(/call nine nine nine/);
  });
});
