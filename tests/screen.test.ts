import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { GUIDANCE } from '../lambda/guidance';
import { handler } from '../lambda/index';
import { launch, intent, SessionDriver } from './support/requests';
import { said } from './support/skillWithStore';
import { problemsWith } from './support/wellFormed';

/** The same skill, asked from a device with a screen (an Echo Show). */
const withScreen = (event: RequestEnvelope) => {
  const device = event.context.System.device;
  // ask-sdk-model types supportedInterfaces without the APL entry real Echo Show requests carry.
  if (device) device.supportedInterfaces = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.2' } } } as never;
  return handler(event);
};

interface Paragraph { text: string; label: string }
interface RenderDocument { type: string; document: Record<string, unknown>; datasources: { page: { title: string; paragraphs: Paragraph[] } } }
const aplOf = (r: ResponseEnvelope) =>
  (r.response.directives ?? []).filter((d) => d.type === 'Alexa.Presentation.APL.RenderDocument') as unknown as RenderDocument[];

/** Every Text component of an APL document (a plain walk of the JSON). */
function texts(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  const found = (node as Record<string, unknown>).type === 'Text' ? [node as Record<string, unknown>] : [];
  return [...found, ...Object.values(node).flatMap(texts)];
}

/** WCAG contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('screens', () => {
  test('a voice-only device gets no APL directive', async () => {
    const r = await new SessionDriver(handler).send(intent('QuestionsToAskIntent'));
    expect(aplOf(r)).toEqual([]);
  });

  test('a screen shows the same words as the speech, each with a VoiceView label', async () => {
    const r = await new SessionDriver(withScreen).send(intent('CheckOfficerIsRealIntent'));
    const [apl] = aplOf(r);
    expect(apl).toBeDefined();
    const page = apl?.datasources.page;
    expect(page?.title).toBe('Checking an officer is genuine');
    // Labels are read aloud as the speech is ("one oh one"); the visible text shows digits.
    expect(page?.paragraphs.map((p) => p.label).join(' ')).toBe(said(r));
    expect(page?.paragraphs.map((p) => p.text).join(' ')).toMatch(/^Call 999 on your own phone/);
    for (const text of texts(apl?.document)) {
      expect(text.accessibilityLabel).toEqual(expect.stringMatching(/^\$\{/));
    }
  });

  test('large, high-contrast text', async () => {
    const [apl] = aplOf(await new SessionDriver(withScreen).send(launch()));
    const doc = JSON.stringify(apl?.document);
    const background = /"backgroundColor":"(#[0-9A-F]{6})"/i.exec(doc)?.[1] ?? '';
    for (const text of texts(apl?.document)) {
      expect(contrast(String(text.color), background)).toBeGreaterThanOrEqual(7);
    }
    const sizes = [...doc.matchAll(/"(?:bodySize|titleSize)":"(\d+)dp"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(28);
  });

  test.each(GUIDANCE.map((e) => e.intent))('%s with a screen: every page and the phone card stay within Alexa\'s limits', async (name) => {
    const d = new SessionDriver(withScreen);
    let r = await d.send(intent(name));
    for (let page = 0; page < 8 && r.response.shouldEndSession === false; page++) {
      expect(aplOf(r)).toHaveLength(1);
      expect(await problemsWith(r)).toEqual([]);
      r = await d.send(intent('AMAZON.NextIntent'));
    }
    const phone = new SessionDriver(withScreen);
    await phone.send(intent(name));
    expect(await problemsWith(await phone.send(intent('SendToPhoneIntent')))).toEqual([]);
  });
});
