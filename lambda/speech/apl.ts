import type { interfaces, RequestEnvelope } from 'ask-sdk-model';

/** One paragraph on screen: the words as written, and as VoiceView should read them aloud. */
interface ScreenParagraph {
  readonly text: string;
  readonly label: string;
}

export interface ScreenPage {
  readonly title: string;
  readonly paragraphs: readonly ScreenParagraph[];
}

/** True only when the device can show APL; voice-only devices get no directive at all. */
export function supportsApl(envelope: RequestEnvelope): boolean {
  return envelope.context?.System?.device?.supportedInterfaces?.['Alexa.Presentation.APL'] !== undefined;
}

// White and a warm yellow on black: contrast ratios of about 21:1 and 17:1, well past WCAG AAA.
const TEXT = '#FFFFFF';
const TITLE = '#FFE14D';
const BACKGROUND = '#000000';

/**
 * One document for every answer: large, high-contrast text that scrolls, bound to the page through
 * the datasource so the document itself never changes. Sizes grow with the screen; round screens
 * get smaller text and wider margins.
 */
const DOCUMENT = {
  type: 'APL',
  version: '2023.2',
  description: 'Officer Check Guide: the words just spoken, in large high-contrast text.',
  theme: 'dark',
  resources: [
    { dimensions: { bodySize: '40dp', titleSize: '48dp', margin: '40dp', gap: '24dp' } },
    { when: '${viewport.width >= 1280}', dimensions: { bodySize: '48dp', titleSize: '58dp', margin: '64dp', gap: '28dp' } },
    { when: "${viewport.shape == 'round'}", dimensions: { bodySize: '28dp', titleSize: '32dp', margin: '72dp', gap: '16dp' } },
  ],
  mainTemplate: {
    parameters: ['payload'],
    items: [{
      type: 'Frame',
      width: '100vw',
      height: '100vh',
      backgroundColor: BACKGROUND,
      item: {
        type: 'ScrollView',
        width: '100%',
        height: '100%',
        item: {
          type: 'Container',
          paddingLeft: '@margin',
          paddingRight: '@margin',
          paddingTop: '@margin',
          paddingBottom: '@margin',
          items: [
            {
              type: 'Text',
              when: "${payload.page.title != ''}",
              role: 'header',
              text: '${payload.page.title}',
              accessibilityLabel: '${payload.page.title}',
              color: TITLE,
              fontSize: '@titleSize',
              fontWeight: 'bold',
            },
            {
              type: 'Container',
              data: '${payload.page.paragraphs}',
              items: [{
                type: 'Text',
                role: 'text',
                text: '${data.text}',
                accessibilityLabel: '${data.label}',
                color: TEXT,
                fontSize: '@bodySize',
                lineHeight: 1.4,
                paddingTop: '@gap',
              }],
            },
          ],
        },
      },
    }],
  },
} as const;

/** APL text understands a little markup; these characters must reach the screen as themselves. */
const asScreenText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderDocumentDirective(page: ScreenPage): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: 'answer',
    document: DOCUMENT,
    datasources: {
      page: {
        title: asScreenText(page.title),
        paragraphs: page.paragraphs.map((p) => ({ text: asScreenText(p.text), label: p.label })),
      },
    },
  };
}
