import { normalise } from '../simulator/understanding/normalise';

describe('typed words reach the understanding as a speech recogniser would write them', () => {
  test('digits are spoken one by one, and punctuation goes but apostrophes', () => {
    expect(normalise('Call 101, NOW!')).toBe('call one oh one now');
  });

  test('a contraction typed without its apostrophe gets it back', () => {
    expect(normalise('He wont let go, IM scared and hes got my phone')).toBe("he won't let go i'm scared and he's got my phone");
  });

  test('words that are also words of their own are left as typed', () => {
    expect(normalise("i feel ill lets go were you there")).toBe('i feel ill lets go were you there');
  });
});
