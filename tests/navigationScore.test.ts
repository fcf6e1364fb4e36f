import { scoreNavigation, type NavigationReply } from '../scripts/navigationScore';

// The navigation scorer reads replies as a listener would: it must pass a conversation that went
// right and catch the ways one goes wrong.

const welcome: NavigationReply = { intent: 'LaunchRequest', topic: null, speech: 'If you are in danger now, call nine nine nine. This is Officer Check Guide.', reprompt: 'Ask me.', endSession: false };
const first: NavigationReply = { intent: 'CheckOfficerIsRealIntent', topic: 'verify', speech: 'Call nine nine nine to check. Would you like to hear more?', reprompt: 'Say yes.', endSession: false };
const second: NavigationReply = { intent: 'AMAZON.MoreIntent', topic: 'verify', speech: 'A radio call can help. Would you like to hear more?', reprompt: 'Say yes.', endSession: false };
const declined: NavigationReply = { intent: 'AMAZON.NoIntent', topic: null, speech: 'All right. In danger now? Call nine nine nine. What else would you like to know?', reprompt: 'Ask me.', endSession: false };
const goodbye: NavigationReply = { intent: 'AMAZON.StopIntent', topic: 'stop', speech: 'Take care. Goodbye.', endSession: true };
const script = { name: 's', turns: ['', 'is he real', 'go on', 'again', 'no', 'bye'], expect: ['welcome', 'topic=verify', 'more', 'repeat', 'declined', 'end'] };
const score = (replies: NavigationReply[]) => scoreNavigation([script], () => replies);

test('a conversation that went as labelled scores every turn', () => {
  expect(score([welcome, first, second, second, declined, goodbye])).toEqual({ right: 6, turns: 6, misses: [] });
});

test('"more" that says the first part again, a repeat in other words, and a goodbye for "no" are misses', () => {
  const { right, misses } = score([welcome, first, first, second, goodbye, goodbye]);
  expect(right).toBe(3);
  expect(misses.map((m) => m.split(' ').slice(0, 4).join(' '))).toEqual(['s turn 3 (more)', 's turn 4 (repeat)', 's turn 5 (declined)']);
});

test('a danger topic counts only with 999 in the first eight words', () => {
  const late: NavigationReply = { topic: 'danger', speech: 'Stay calm and listen to me now please, then call nine nine nine.', reprompt: 'x', endSession: false };
  const dangerScript = { name: 'd', turns: ['help'], expect: ['topic=danger'] };
  expect(scoreNavigation([dangerScript], () => [late]).right).toBe(0);
  expect(scoreNavigation([dangerScript], () => [{ ...late, speech: 'Call nine nine nine now.' }]).right).toBe(1);
});

test('"open" needs the nation said back and the skill listening; a welcome needs the welcome', () => {
  const nation: NavigationReply = { intent: 'SetNationIntent', topic: null, speech: 'All right: Scotland. What would you like to know?', reprompt: 'Ask me.', endSession: false };
  const openScript = { name: 'o', turns: ['', 'i am in scotland'], expect: ['welcome', 'open'] };
  expect(scoreNavigation([openScript], () => [welcome, nation]).right).toBe(2);
  expect(scoreNavigation([openScript], () => [first, { ...nation, endSession: true }]).right).toBe(0);
});

test('a script whose labels do not match its turns is refused, naming it', () => {
  expect(() => scoreNavigation([{ name: 'short', turns: ['', 'hi'], expect: ['welcome'] }], () => [])).toThrow(/short: 2 turns, 1 labels/);
});

test('a repeat with a lead-in on either side counts; another page with the same closing question does not', () => {
  const page = 'In England and Wales, an officer who is not in uniform must show you their warrant card. Would you like to hear more?';
  const afterNation: NavigationReply = { ...second, speech: `All right: England and Wales. I will give you the law there first. ${page}` };
  const slower: NavigationReply = { ...second, intent: 'SpeakSlowerIntent', speech: `All right, I will speak more slowly, like this. ${page}` };
  const otherPage: NavigationReply = { ...second, speech: 'Police in Scotland say their officers carry ID and will show it. Would you like to hear more?' };
  const repeatScript = { name: 'r', turns: ['', 'must he show it', 'england', 'again slowly'], expect: ['welcome', 'topic=verify', 'open', 'repeat'] };
  const firstPage: NavigationReply = { ...first, speech: page };
  expect(scoreNavigation([repeatScript], () => [welcome, firstPage, afterNation, slower]).misses).toEqual([]);
  expect(scoreNavigation([repeatScript], () => [welcome, firstPage, afterNation, otherPage]).misses).toHaveLength(1);
});

test('"more" just after the welcome counts when the guidance itself is given, not help or "nothing yet"', () => {
  const moreScript = { name: 'm', turns: ['', 'go on'], expect: ['welcome', 'more'] };
  const main: NavigationReply = { intent: 'AMAZON.MoreIntent', topic: 'overview', speech: 'Call nine nine nine to check. Would you like to hear more?', reprompt: 'Say yes.', endSession: false };
  const nothingYet: NavigationReply = { intent: 'AMAZON.MoreIntent', topic: null, speech: 'We have not started on a topic yet. What would you like to know?', reprompt: 'Ask me.', endSession: false };
  const help: NavigationReply = { intent: 'AMAZON.YesIntent', topic: 'help', speech: 'I can help you check an officer.', reprompt: 'Ask me.', endSession: false };
  expect(scoreNavigation([moreScript], () => [welcome, main]).right).toBe(2);
  expect(scoreNavigation([moreScript], () => [welcome, nothingYet]).right).toBe(1);
  expect(scoreNavigation([moreScript], () => [welcome, help]).right).toBe(1);
});

test('after starting over, "more" is read as just after the welcome', () => {
  const restart: NavigationReply = { ...welcome, intent: 'AMAZON.StartOverIntent' };
  const main: NavigationReply = { intent: 'AMAZON.MoreIntent', topic: 'overview', speech: 'Call nine nine nine to check. Would you like to hear more?', reprompt: 'Say yes.', endSession: false };
  const overScript = { name: 'o', turns: ['', 'is he real', 'start again', 'go on'], expect: ['welcome', 'topic=verify', 'welcome', 'more'] };
  expect(scoreNavigation([overScript], () => [welcome, first, restart, main]).misses).toEqual([]);
});
