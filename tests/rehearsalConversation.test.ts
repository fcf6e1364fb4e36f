import { captureLogs } from './support/quietLogs';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from '../lambda/skill';
import type { RequestBody } from '../simulator/envelope';
import { conversationOf, said, testTurns, user as to, type Turn } from './support/conversation';
import { MemoryAdapter } from './support/memoryAdapter';
import { intent, launch, SessionDriver } from './support/requests';

// Rehearsal conversations, as scripts of user and Alexa turns (tests/support/conversation.ts). A turn
// that does not name a topic must be part of the role play (topic rehearse, and the scene given, if
// any); one that names it (undefined: any topic) is not.

const scene = (id: string) => ({ scene: { value: id, id } });
const start = (id?: string): RequestBody => intent('StartRehearsalIntent', id ? scene(id) : {}, ['scene']);
const timedOut: RequestBody = { type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' };

function skillWith(store = new MemoryAdapter()) {
  const skill = buildSkill({ persistenceAdapter: store });
  return { store, driver: new SessionDriver((event) => skill.invoke(event)) };
}

function play(turns: readonly Turn[], driver = skillWith().driver, sceneId?: string): Promise<ResponseEnvelope[]> {
  return testTurns(driver, turns.map(([body, alexa]): Turn =>
    [body, 'topic' in alexa ? alexa : { topic: 'rehearse', ...(sceneId ? { scene: sceneId } : {}), ...alexa }]));
}

const nineNineNineFirst = (r: ResponseEnvelope) => {
  const words = said(r).toLowerCase().replace(/[^a-z' ]/g, ' ').split(/\s+/).filter(Boolean);
  return words.findIndex((w, i) => w === 'nine' && words[i + 1] === 'nine' && words[i + 2] === 'nine');
};

describe('a script for every scene', () => {
  test('quiet street at night: moves, a risky one corrected, getting to safety, a hint, the summary, another scene', async () => {
    const replies = await play([
      [start('quiet_street'), { move: null, verdict: null, says: /Let's practise.*quiet street.*Police\. I need a word.*What do you say or do\?$/ }],
      [to('AskWarrantCardMoveIntent'), { move: 'warrant_card', verdict: 'good', says: /^Good: ask to see their warrant card.*You need to come with me/ }],
      [to('AskColleaguesMoveIntent'), { move: 'colleagues', verdict: 'good', says: /Good question\. A plain-clothes officer on their own is unusual/ }],
      [to('GoWithThemMoveIntent'), { move: 'go_with_them', verdict: 'unsafe', says: /^It's safer never to get into his car before you've checked him.*call nine nine nine on your own phone to check him and ask them to send officers.*Let's take that moment again.*My car's just round the corner/, never: /wrong|mistake/ }],
      // Getting to safety is a practice move, judged as one (danger said to be real is another matter: tests/offers.test.ts).
      [to('GetToSafetyMoveIntent'), { move: 'safe_place', verdict: 'good', says: /call nine nine nine on your own phone.*Alexa can't call for you.*under arrest/ }],
      [to('DontKnowMoveIntent'), { move: null, verdict: 'hint', says: /^Here's one to try: call nine nine nine on your own phone to check who they are/ }],
      [to('CallToCheckMoveIntent'), { move: 'call_to_check', verdict: 'good', says: /That's the end of the scene\. You asked for the warrant card\. You checked by calling the police yourself\. You asked where their colleagues are\. You knew to call nine nine nine.*One to remember next time: ask exactly why they're stopping you\. Would you like to try another scene\?$/ }],
      [to('AMAZON.YesIntent'), { move: null, says: /busy high street/, never: /Let's practise\. I'll set the scene/ }],
      [to('AMAZON.StopIntent'), { ends: true, says: /We'll stop there\..*Take care/ }],
    ]);
    expect(nineNineNineFirst(replies[4] as ResponseEnvelope)).toBeLessThan(8);
    // The summary also goes in a card, to read later.
    expect(replies[6]?.response.card).toMatchObject({ type: 'Simple', title: 'Your practice stop' });
    expect((replies[6]?.response.card as { content: string }).content).toMatch(/One to remember next time: ask exactly why/);
  });

  test('busy street by day: repeat, skip, the radio (partial, with the reason), start again, odd words, help, cancel', async () => {
    const replies = await play([
      [start('busy_street'), { says: /busy high street.*search your bag/ }],
      [to('AskWhyStoppedMoveIntent'), { move: 'why_stopping', verdict: 'good', says: /In England, Wales and Northern Ireland, before a search, an officer who isn't in uniform must show their warrant card/ }],
      [to('AMAZON.RepeatIntent'), { move: null, verdict: null }],
      [to('AMAZON.NextIntent'), { move: null, says: /^Moving on\. She says: Don't worry, my colleagues are nearby/ }],
      [to('AskRadioCheckMoveIntent'), { move: 'radio_check', verdict: 'partial', says: /sensible.*disputed.*could be faked.*harder to fake/ }],
      [to('AMAZON.StartOverIntent'), { move: null, says: /^From the top\..*search your bag/ }],
      [to('AMAZON.FallbackIntent'), { move: null, verdict: 'hint', says: /I didn't catch a move there, and that's fine\. Here's one to try: ask to see their warrant card/ }],
      [to('AMAZON.HelpIntent'), { verdict: 'hint', says: /repeat, skip, start again, or stop/ }],
      [to('AMAZON.CancelIntent'), { ends: true, says: /^In danger now\? Call nine nine nine\. We'll stop there\. No key moves yet.*One to remember next time: ask to see their warrant card.*Take care\.$/ }],
    ], undefined, 'busy_street');
    expect(said(replies[2] as ResponseEnvelope)).toBe(said(replies[1] as ResponseEnvelope));
  });

  test('a knock at the front door: bank details corrected, holding firm, a driver move out of place, a check', async () => {
    await play([
      [start('front_door'), { says: /knock at the front door.*bank account/ }],
      [to('HandOverMoneyMoveIntent'), { move: 'hand_over_money', verdict: 'unsafe', says: /^Don't hand anything over: real police will never ask for your bank details, your PIN, or cash/ }],
      [to('StayLockedInMoveIntent'), { move: 'stand_firm', verdict: 'good', says: /checking before you open up is sensible.*won't pressure you/ }],
      [to('DriveToBusyPlaceMoveIntent'), { move: 'drive_on', verdict: null, says: /you're at home, not in a car\. Here's one to try/ }],
      [to('GoWithThemMoveIntent'), { move: 'go_with_them', verdict: 'unsafe', says: /^It's safer not to open up until you've checked/ }],
      [to('CheckOfficerIsRealIntent'), { move: 'call_to_check', verdict: 'good', says: /call one oh one on your own phone/ }],
      [to('WarrantCardIntent'), { move: 'warrant_card', verdict: 'good' }],
      [to('AMAZON.StopIntent'), { ends: true, says: /You asked for the warrant card\. You checked by calling the police yourself\. You held firm while you checked\. One to remember next time: never hand over bank details/ }],
    ], undefined, 'front_door');
  });

  test('an unmarked car, for drivers: only driver advice, no hazard lights, hands-free calls', async () => {
    const footAdvice = /shout|knock on a door|wave (down|someone)|run\b/i;
    await play([
      [start('unmarked_car'), { says: /driving alone at night.*no police markings/, never: footAdvice }],
      [to('AcknowledgeSignalMoveIntent'), { move: 'signal_seen', verdict: 'good', says: /Don't use your hazard lights while you're moving/, never: /put (your|the) hazard/ }],
      [to('GetToSafetyMoveIntent'), { move: 'drive_on', verdict: 'good', says: /^Good: if you're frightened, call nine nine nine, hands-free, and keep driving steadily/, never: footAdvice }],
      [to('AskRadioCheckMoveIntent'), { move: 'radio_check', verdict: 'partial', says: /check for yourself: call nine nine nine hands-free/, never: footAdvice }],
      [to('GoWithThemMoveIntent'), { move: 'go_with_them', verdict: 'unsafe', says: /safer to stay in the car with the doors locked/, never: footAdvice }],
      [to('UnmarkedCarStopIntent'), { move: null, verdict: 'hint', says: /Here's one to try: stay in the car with the doors locked/ }],
      [to('StayLockedInMoveIntent'), { move: 'stay_locked', verdict: 'good', says: /That's the end of the scene\. You drove on steadily to a busy place\. You stayed in the car with the doors locked\. One to remember next time: ask to see the warrant card through the closed window/, never: footAdvice }],
      // A move after the scene's end is still judged, and the offer of another scene stands.
      [to('CallToCheckMoveIntent'), { move: 'call_to_check', verdict: 'good', says: /hands-free.*Would you like to try another scene\?$/, never: footAdvice }],
      // "No" to another scene turns it down, and the skill stays (docs/conversation.md).
      [to('AMAZON.NoIntent'), { topic: null, ends: false, says: /^All right\. In danger now\? Call nine nine nine\. What else would you like to know\?$/ }],
    ], undefined, 'unmarked_car');
  });

  test('when you cannot see the card: have it read out, check the number, topic questions read as moves', async () => {
    await play([
      [start('cannot_see'), { says: /can't see well.*Here's my warrant card/ }],
      [to('WarrantCardIntent'), { move: 'warrant_card', verdict: 'good', says: /ask them to read out their name and number/ }],
      [to('EmergencyNumbersIntent'), { move: 'call_to_check', verdict: 'good', says: /with their name and number.*The card on its own is a weak check/ }],
      [to('PlainClothesOfficerIntent'), { move: 'colleagues', verdict: 'good' }],
      [to('LoneOfficerStopIntent'), { move: null, verdict: 'hint', says: /Here's one to try: if you feel in danger, call nine nine nine/ }],
      [to('WalkingAwayIntent'), { move: 'walk_away', verdict: 'partial', says: /can count as obstruction.*That's the end of the scene/ }],
      [to('QuestionsToAskIntent'), { topic: 'questions', says: /where are your colleagues\?/ }],
    ], undefined, 'cannot_see');
  });
});

describe('the arrest moment: check first, never into his car, never fight a genuine officer', () => {
  // The night street's last beat is the verbal arrest; skipping there keeps each script to the moment.
  const toArrest: Turn[] = [
    [start('quiet_street'), { move: null }],
    [to('AMAZON.NextIntent'), { move: null }],
    [to('AMAZON.NextIntent'), { move: null }],
    [to('AMAZON.NextIntent'), { move: null, says: /you're under arrest\. Come on\. What do you say or do\?$/ }],
  ];

  test('"I\'ll come quietly" is partial: check first with nine nine nine, then cooperate; the scene moves on', async () => {
    await play([
      ...toArrest,
      [to('ComeQuietlyMoveIntent'), { move: 'come_quietly', verdict: 'partial', says: /^Cooperating with a real arrest is right, but check first\..*call nine nine nine to check him.*That's the end of the scene/, never: /Let's take that moment again/ }],
    ], undefined, 'quiet_street');
  });

  test('getting into his car stays unsafe, and the moment is played again', async () => {
    await play([
      ...toArrest,
      [to('GoWithThemMoveIntent'), { move: 'go_with_them', verdict: 'unsafe', says: /^It's safer never to get into his car before you've checked him.*Let's take that moment again\. He says: Right, you're under arrest/ }],
    ], undefined, 'quiet_street');
  });

  test('a flat "I\'m not coming with you" is partial: check, and don\'t resist', async () => {
    await play([
      ...toArrest,
      [to('RefuseToGoMoveIntent'), { move: 'refuse_to_go', verdict: 'partial', says: /^It's right to check first, but don't fight a genuine officer: resisting a lawful arrest is an offence\..*call nine nine nine to check him/, never: /^Good/ }],
    ], undefined, 'quiet_street');
  });

  test('"not until I\'ve checked with nine nine nine" is good', async () => {
    await play([
      ...toArrest,
      [to('CheckBeforeGoingMoveIntent'), { move: 'check_before_going', verdict: 'good', says: /^Good: stay where there are people.*call nine nine nine to check him.*Once the call confirms he's genuine, cooperate\./ }],
    ], undefined, 'quiet_street');
  });

  test('a lone officer in uniform who wants you to come with him: a uniform is not proof, the same checks apply', async () => {
    await play([
      [start('uniform_officer'), { move: null, says: /A man in police uniform.*come with me to the station\. What do you say or do\?$/ }],
      [to('GoWithThemMoveIntent'), { move: 'go_with_them', verdict: 'unsafe', says: /^It's safer not to get into his car before you've checked him: a uniform isn't proof\..*Let's take that moment again/ }],
      [to('AskWarrantCardMoveIntent'), { move: 'warrant_card', verdict: 'good', says: /a uniform on its own doesn't prove who someone is/ }],
      [to('CallToCheckMoveIntent'), { move: 'call_to_check', verdict: 'good', says: /same checks apply to an officer in uniform\. Call nine nine nine on your own phone/ }],
      [to('ComeQuietlyMoveIntent'), { move: 'come_quietly', verdict: 'partial', says: /check first/ }],
      [to('CheckBeforeGoingMoveIntent'), { move: 'check_before_going', verdict: 'good', says: /That's the end of the scene\. You asked for the warrant card\. You checked by calling the police yourself\..*You checked with nine nine nine before going anywhere\..*Would you like to try another scene\?$/ }],
    ], undefined, 'uniform_officer');
  });

  test('in the car and at the door the same words mean staying put, and getting out or opening up is checked first', async () => {
    await play([
      [start('unmarked_car'), { move: null }],
      [to('RefuseToGoMoveIntent'), { move: 'stay_locked', verdict: 'good' }],
      [to('ComeQuietlyMoveIntent'), { move: 'come_quietly', verdict: 'partial', says: /safer to stay in the car with the doors locked/ }],
    ], undefined, 'unmarked_car');
    await play([
      [start('front_door'), { move: null }],
      [to('RefuseToGoMoveIntent'), { move: 'stand_firm', verdict: 'good' }],
      [to('ComeQuietlyMoveIntent'), { move: 'come_quietly', verdict: 'partial', says: /safer not to open up until you've checked/ }],
      [to('CheckBeforeGoingMoveIntent'), { move: 'call_to_check', verdict: 'good' }],
    ], undefined, 'front_door');
  });
});

describe('the nation in a rehearsal', () => {
  const inNation = (id: string): RequestBody => intent('SetNationIntent', { nation: { value: id, id } }, ['nation']);

  test('naming a nation mid-practice is confirmed and remembered, and the scene carries on where it was', async () => {
    const { driver, store } = skillWith();
    await play([
      [start('quiet_street'), { move: null }],
      [to('AskWarrantCardMoveIntent'), { move: 'warrant_card', verdict: 'good' }],
      [inNation('scotland'), { move: null, verdict: null, says: /^All right: Scotland\..*Back to the scene\..*You need to come with me\. What do you say or do\?$/ }],
      [to('AskColleaguesMoveIntent'), { move: 'colleagues', verdict: 'good' }],
    ], driver, 'quiet_street');
    const stored = [...store.items.values()][0] as { preferences?: { nation?: string } };
    expect(stored.preferences?.nation).toBe('scotland');
  });

  test('in Northern Ireland walking away gets the words for the law there, never "you don\'t have to stop"', async () => {
    await play([
      [inNation('northern_ireland'), { topic: null }],
      [start('quiet_street'), { move: null }],
      [to('WalkingAwayIntent'), { move: 'walk_away', verdict: 'partial', says: /in Northern Ireland, an officer can make you stop and say who you are/, never: /(don't|do not) have to stop/ }],
    ], undefined, 'quiet_street');
  });

  test('in Scotland the radio check is Police Scotland\'s own, still partial', async () => {
    await play([
      [inNation('scotland'), { topic: null }],
      [start('busy_street'), { move: null }],
      [to('AskRadioCheckMoveIntent'), { move: 'radio_check', verdict: 'partial', says: /^In Scotland, Police Scotland said lone officers should offer this check/ }],
    ], undefined, 'busy_street');
  });
});

describe('outside a rehearsal', () => {
  test.each([
    ['AskWarrantCardMoveIntent', 'warrant_card'],
    ['AskColleaguesMoveIntent', 'questions'],
    ['AskRadioCheckMoveIntent', 'verify'],
    ['CallToCheckMoveIntent', 'verify'],
    ['GetToSafetyMoveIntent', 'danger'],
    ['GoWithThemMoveIntent', 'danger'],
    ['HandOverMoneyMoveIntent', 'verify'],
    ['StandFirmMoveIntent', 'running'],
    ['ComeQuietlyMoveIntent', 'verify'],
    ['RefuseToGoMoveIntent', 'running'],
    ['CheckBeforeGoingMoveIntent', 'verify'],
    ['DriveToBusyPlaceMoveIntent', 'running'],
    ['AcknowledgeSignalMoveIntent', 'overview'],
    ['DontKnowMoveIntent', 'help'],
  ])('%s gets the closest answer (%s)', async (name, topic) => {
    const [r] = await testTurns(skillWith().driver, [[to(name), { topic }]]) as [ResponseEnvelope];
    expect(conversationOf(r).rehearsal ?? null).toBeNull();
    if (topic === 'danger') expect(nineNineNineFirst(r)).toBeLessThan(8);
  });

  test('"I\'d drive on to a garage", said outside a practice, gets the drive-on answer, not the running-away one', async () => {
    await testTurns(skillWith().driver, [[to('DriveToBusyPlaceMoveIntent'), { topic: 'running', cardTitle: 'Driving on before you stop', says: /drive steadily to the nearest busy, lit place/ }]]);
  });

  test('the last page of the questions answer offers practice, and yes starts it', async () => {
    const { driver } = skillWith();
    let r = await driver.send(to('QuestionsToAskIntent'));
    for (let i = 0; i < 5 && /hear more\?$|Northern Ireland\?$/.test(said(r)); i++) r = await driver.send(to('AMAZON.NextIntent'));
    expect(said(r)).toMatch(/Would you like to practise what to say\?$/);
    await testTurns(driver, [[to('AMAZON.YesIntent'), { topic: 'rehearse', says: /Let's practise/ }]]);
  });
});

describe('progress kept per user', () => {
  test('next time, the launch names the move really missed, and yes starts practising', async () => {
    const { store, driver } = skillWith();
    await play([
      [start('quiet_street'), {}],
      [to('AskColleaguesMoveIntent'), { verdict: 'good' }],
      [to('CallToCheckMoveIntent'), { verdict: 'good' }],
      [to('AskWhyStoppedMoveIntent'), { verdict: 'good' }],
      [to('GetToSafetyMoveIntent'), { verdict: 'good', says: /One to remember next time: ask to see their warrant card/ }],
      [to('AMAZON.StopIntent'), { ends: true }],
      [launch(), { topic: null, says: [/^If you're in danger now, call nine nine nine on your own phone\./, /Last time you practised, the warrant card slipped your mind\. Would you like to practise what to say\?$/] }],
      [to('AMAZON.YesIntent'), { topic: 'rehearse', scene: 'busy_street' }],
    ], driver);
    expect(store.items.size).toBe(1);
  });

  test('a different move missed is the one named', async () => {
    const { driver } = skillWith();
    await play([
      [start('front_door'), {}],
      [to('AskWarrantCardMoveIntent'), { verdict: 'good' }],
      [to('StandFirmMoveIntent'), { verdict: 'good' }],
      [to('AMAZON.CancelIntent'), { ends: true }],
      [launch(), { topic: null, says: /Last time you practised, calling the police yourself to check slipped your mind\./ }],
    ], driver);
  });

  test('a session that timed out mid-scene is offered at the next launch, and picked up where it was', async () => {
    const { driver } = skillWith();
    await play([
      [start('front_door'), {}],
      [to('AskWarrantCardMoveIntent'), { verdict: 'good' }],
      [timedOut, { topic: undefined, ends: true, silent: true }],
      [launch(), { topic: null, says: /^If you're in danger now, call nine nine nine.*You were part-way through the front door scene\. Shall we pick it up\?$/ }],
      [to('AMAZON.YesIntent'), { move: null, says: /^Let's pick up where you left off\..*There's been fraud on your account/ }],
      [to('CallToCheckMoveIntent'), { verdict: 'good' }],
      [to('AMAZON.StopIntent'), { ends: true, says: /You asked for the warrant card\. You checked by calling the police yourself/ }],
      [launch(), { topic: null, never: /part-way/ }],
    ], driver, 'front_door');
  });

  test('no to picking it up forgets it, and the session carries on', async () => {
    const { driver } = skillWith();
    await play([
      [start('busy_street'), {}],
      [timedOut, { topic: undefined, ends: true, silent: true }],
      [launch(), { topic: null, says: /part-way/ }],
      [to('AMAZON.NoIntent'), { topic: null, ends: false }],
      [to('AMAZON.StopIntent'), { topic: 'stop', ends: true }],
      [launch(), { topic: null, never: /part-way/ }],
    ], driver);
  });

  test('with the store failing, rehearsal and launch still answer', async () => {
    const store = new MemoryAdapter();
    store.failing = true;
    const errors = captureLogs();
    const { driver } = skillWith(store);
    await play([
      [launch(), { topic: null }],
      [start(), { says: /Let's practise/ }],
      [to('AskWarrantCardMoveIntent'), { verdict: 'good' }],
      [to('AMAZON.StopIntent'), { ends: true }],
    ], driver);
    errors.restore();
  });
});

describe('settings asked for mid-scene', () => {
  test('after help or another setting, a setting says the change and the moment waiting, once, not the last reply again', async () => {
    const { driver } = skillWith();
    await play([
      [start('quiet_street'), {}],
      [to('AMAZON.HelpIntent'), { says: /This is a practice stop/ }],
      [to('SpeakSlowerIntent'), { says: /^All right, I'll speak more slowly.*Back to the scene\. [^]*Come over here\. What do you say or do\?$/, never: /This is a practice stop/ }],
      [to('ShortAnswersIntent'), { says: /^All right, short answers.*Back to the scene\. [^]*Come over here\. What do you say or do\?$/, never: /speak more slowly|Back to the scene\.[^]*Back to the scene\./ }],
    ], driver, 'quiet_street');
  });

  test('a slower voice or shorter answers take effect at once, and the scene carries on where it was', async () => {
    const { driver, store } = skillWith();
    const replies = await play([
      [start('quiet_street'), { move: null, verdict: null }],
      [to('SpeakSlowerIntent'), { move: null, verdict: null, says: /speak more slowly, like this\. .*Back to the scene\. .*Come over here\. What do you say or do\?$/ }],
      [to('AskColleaguesMoveIntent'), { move: 'colleagues', verdict: 'good' }],
      // The moment that was waiting, not the feedback on the move again.
      [to('ShortAnswersIntent'), { move: null, verdict: null, says: /short answers.*Back to the scene\. He says: .*What do you say or do\?$/, never: /Good question/ }],
      [to('AMAZON.StopIntent'), { ends: true, says: /You asked where their colleagues are/ }],
    ], driver, 'quiet_street');
    for (const r of replies.slice(1)) {
      expect(r.response.outputSpeech?.type === 'SSML' && r.response.outputSpeech.ssml).toMatch(/<prosody rate="90%">/);
    }
    expect([...store.items.values()][0]).toMatchObject({ preferences: { ratePercent: 90, answers: 'short' } });
  });

  test('forget me mid-scene deletes everything stored, says so, and the scene goes on unsaved', async () => {
    const { driver, store } = skillWith();
    await play([
      [start('front_door'), {}],
      [to('AskWarrantCardMoveIntent'), { move: 'warrant_card' }],
    ], driver, 'front_door');
    expect(store.items.size).toBe(1);
    await play([
      [to('ForgetMeIntent'), { move: null, says: /deleted everything.*I won't save anything from this practice either\. Back to the scene/ }],
      // Still rehearsing: a move is judged, and nothing is stored again.
      [to('CallToCheckMoveIntent'), { move: 'call_to_check', verdict: 'good' }],
      [to('AMAZON.StopIntent'), { ends: true }],
    ], driver, 'front_door');
    expect(store.items.size).toBe(0);
  });
});
