import { START_INTENT } from '../rehearsal/intents';
import type { GuidanceEntry, TopicId } from './types';

/**
 * The guidance, as data. Each part names the locale key of its words and the fact-sheet rows it
 * rests on; the words themselves live only in lambda/locales. A new answer is one entry here, its
 * words in the locale file and its intent in the interaction model; everything else follows from it.
 */
const REVIEWED = '2026-11-29';

export const GUIDANCE: readonly GuidanceEntry[] = [
  {
    id: 'overview',
    topic: 'overview',
    intent: 'LoneOfficerStopIntent',
    titleKey: 'guidance.overview.title',
    summary: [
      { key: 'guidance.overview.dangerFirst', rows: ['A5', 'D1'] },
      { key: 'guidance.overview.unusual', rows: ['A1', 'A2', 'A11'] },
      { key: 'guidance.overview.ask', rows: ['A3', 'E7'] },
      { key: 'guidance.overview.check', rows: ['B3', 'B4', 'B9', 'E7'] },
    ],
    detail: [
      [
        { key: 'guidance.overview.onus', rows: ['C3', 'B5', 'A12'] },
        { key: 'guidance.overview.arrest', rows: ['C9'] },
      ],
      [
        { key: 'guidance.overview.noBankDetails', rows: ['B9', 'B10'] },
        { key: 'guidance.overview.lastResort', rows: ['A5', 'B5'] },
      ],
    ],
    nations: {},
    inRehearsal: 'hint',
    offerAtEnd: 'practise',
    reviewed: REVIEWED,
  },
  {
    id: 'driving',
    topic: 'overview',
    intent: 'UnmarkedCarStopIntent',
    titleKey: 'guidance.driving.title',
    summary: [
      { key: 'guidance.driving.notSure', rows: ['I8', 'I23'] },
      { key: 'guidance.driving.lockedDoors', rows: ['I8', 'I11', 'I16'] },
      { key: 'guidance.driving.call', rows: ['I15', 'I23'] },
    ],
    detail: [
      [
        { key: 'guidance.driving.uniformRule', rows: ['I1', 'I2'] },
        { key: 'guidance.driving.courtDecides', rows: ['I9', 'I23'] },
      ],
      [
        { key: 'guidance.driving.offDuty', rows: ['I13'] },
        { key: 'guidance.driving.handsFree', rows: ['I15'] },
      ],
    ],
    nations: {
      northern_ireland: { key: 'guidance.driving.northernIreland', rows: ['I21', 'I23'] },
    },
    inRehearsal: 'hint',
    reviewed: REVIEWED,
  },
  {
    id: 'questions',
    topic: 'questions',
    intent: 'QuestionsToAskIntent',
    titleKey: 'guidance.questions.title',
    summary: [
      { key: 'guidance.questions.four', rows: ['A3', 'B8'] },
    ],
    detail: [
      // On the first "more" page, so that a nation's note fits the first answer (at most 50 words).
      [
        { key: 'guidance.questions.reasonable', rows: ['A2', 'A12'] },
        { key: 'guidance.questions.nameNumber', rows: ['B9', 'E7'] },
      ],
      [
        { key: 'guidance.questions.arrest', rows: ['C9'] },
        { key: 'guidance.questions.search', rows: ['C1', 'C3'] },
      ],
    ],
    nations: {
      scotland: { key: 'guidance.questions.scotland', rows: ['C13'] },
      northern_ireland: { key: 'guidance.questions.northernIreland', rows: ['C16'] },
    },
    inRehearsal: 'why_stopping',
    offerAtEnd: 'practise',
    reviewed: REVIEWED,
  },
  {
    id: 'verify',
    topic: 'verify',
    intent: 'CheckOfficerIsRealIntent',
    titleKey: 'guidance.verify.title',
    summary: [
      { key: 'guidance.verify.card', rows: ['E7', 'B9'] },
      { key: 'guidance.verify.ownPhone', rows: ['B3', 'B4', 'B9', 'E7'] },
      { key: 'guidance.verify.radio', rows: ['A4', 'E6'] },
    ],
    detail: [
      [
        { key: 'guidance.verify.fakes', rows: ['E6'] },
        { key: 'guidance.verify.noPressure', rows: ['B10', 'B9'] },
      ],
      [{ key: 'guidance.verify.london', rows: ['B2', 'B3'] }],
    ],
    nations: {
      scotland: { key: 'guidance.verify.scotland', rows: ['B6', 'B10'] },
    },
    inRehearsal: 'call_to_check',
    reviewed: REVIEWED,
  },
  {
    id: 'warrant_card',
    topic: 'warrant_card',
    intent: 'WarrantCardIntent',
    titleKey: 'guidance.warrant_card.title',
    summary: [
      { key: 'guidance.warrant_card.what', rows: ['I8', 'A6'] },
      { key: 'guidance.warrant_card.mustShow', rows: ['C3', 'C1', 'C15', 'B10'] },
      { key: 'guidance.warrant_card.cantSee', rows: ['B9', 'E7'] },
    ],
    detail: [
      [
        { key: 'guidance.warrant_card.notOneDesign', rows: ['E6'] },
        { key: 'guidance.warrant_card.check', rows: ['B4', 'B9', 'B3'] },
      ],
    ],
    nations: {
      scotland: { key: 'guidance.warrant_card.scotland', rows: ['I20', 'B10'] },
    },
    inRehearsal: 'warrant_card',
    reviewed: REVIEWED,
  },
  {
    id: 'plain_clothes',
    topic: 'plain_clothes',
    intent: 'PlainClothesOfficerIntent',
    titleKey: 'guidance.plain_clothes.title',
    summary: [
      { key: 'guidance.plain_clothes.unusual', rows: ['A1', 'A11'] },
      { key: 'guidance.plain_clothes.pairs', rows: ['B1', 'B2', 'B6', 'A1'] },
      { key: 'guidance.plain_clothes.reassurance', rows: ['A2'] },
    ],
    detail: [
      [
        { key: 'guidance.plain_clothes.exceptions', rows: ['B1', 'I13'] },
        { key: 'guidance.plain_clothes.mustShow', rows: ['C3'] },
      ],
    ],
    nations: {},
    inRehearsal: 'colleagues',
    reviewed: REVIEWED,
  },
  {
    id: 'danger',
    topic: 'danger',
    intent: 'InDangerIntent',
    titleKey: 'guidance.danger.title',
    summary: [
      { key: 'guidance.danger.call', rows: ['D1', 'A5'] },
      { key: 'guidance.danger.alexaCannot', rows: ['D8'] },
      { key: 'guidance.danger.people', rows: ['A5', 'B8'] },
      { key: 'guidance.danger.silent', rows: ['D3', 'D1'] },
    ],
    detail: [],
    nations: {},
    inRehearsal: 'safe_place',
    offerAtEnd: 'repeatDanger',
    whole: true,
    reviewed: REVIEWED,
  },
  {
    id: 'running',
    topic: 'running',
    intent: 'WalkingAwayIntent',
    titleKey: 'guidance.running.title',
    summary: [
      { key: 'guidance.running.obstruction', rows: ['F2', 'A7', 'A8', 'F5'] },
      { key: 'guidance.running.notGuaranteed', rows: ['F6', 'A9'] },
      { key: 'guidance.running.safetyFirst', rows: ['A5'] },
      { key: 'guidance.running.notLegalAdvice', rows: [], framing: true },
    ],
    detail: [
      [
        // England and Wales only: in Northern Ireland, never "you don't have to stop" (C16).
        {
          key: 'guidance.running.questionsOnly', rows: ['C4'],
          variants: { northern_ireland: { key: 'guidance.running.questionsOnlyNorthernIreland', rows: ['C16'] } },
        },
        { key: 'guidance.running.detained', rows: ['C6', 'C9', 'F2'] },
      ],
      [{ key: 'guidance.running.impostor', rows: ['F7', 'F4'] }],
    ],
    nations: {
      scotland: { key: 'guidance.running.scotland', rows: ['F8'] },
      northern_ireland: { key: 'guidance.running.northernIreland', rows: ['F9', 'C16'] },
    },
    inRehearsal: 'walk_away',
    reviewed: REVIEWED,
  },
  {
    id: 'emergency',
    topic: 'emergency',
    intent: 'EmergencyNumbersIntent',
    titleKey: 'guidance.emergency.title',
    summary: [
      { key: 'guidance.emergency.numbers', rows: ['D1'] },
      { key: 'guidance.emergency.nonEmergency', rows: ['D2'] },
      { key: 'guidance.emergency.cantSpeak', rows: ['D3'] },
      { key: 'guidance.emergency.textPointer', rows: ['D5'] },
      { key: 'guidance.emergency.alexaCannot', rows: ['D8'] },
    ],
    detail: [
      [
        { key: 'guidance.emergency.silentSolution', rows: ['D3'] },
        { key: 'guidance.emergency.landline', rows: ['D4'] },
      ],
      [
        { key: 'guidance.emergency.text', rows: ['D5'] },
        { key: 'guidance.emergency.relay', rows: ['D6', 'D7'] },
      ],
      [{ key: 'guidance.emergency.alexaContact', rows: ['D8'] }],
    ],
    nations: {},
    inRehearsal: 'call_to_check',
    reviewed: REVIEWED,
  },
  {
    id: 'sources',
    topic: 'sources',
    intent: 'AdviceSourcesIntent',
    titleKey: 'guidance.sources.title',
    summary: [
      { key: 'guidance.sources.independent', rows: [], framing: true },
      { key: 'guidance.sources.basedOn', rows: ['A1', 'A3', 'A11', 'B6', 'B9'] },
    ],
    detail: [
      [
        { key: 'guidance.sources.notLegalAdvice', rows: [], framing: true },
        { key: 'guidance.sources.checked', rows: [], framing: true },
      ],
    ],
    nations: {},
    inRehearsal: 'hint',
    reviewed: REVIEWED,
  },
];

/** The topics of the conversation around the guidance, and the intent that asks for each. */
export const CONVERSATION_TOPICS: Readonly<Record<TopicId, string>> = {
  rehearse: START_INTENT,
  help: 'AMAZON.HelpIntent',
  stop: 'AMAZON.StopIntent',
  out_of_scope: 'AMAZON.FallbackIntent',
};

/** Every topic id: those the guidance answers, in its order, then those of the conversation. */
export const TOPIC_IDS: readonly TopicId[] = [...new Set([...GUIDANCE.map((entry) => entry.topic), ...Object.keys(CONVERSATION_TOPICS)])];

/** Each topic and the intent that asks for it: for guidance, the intent of the topic's main entry. */
export const INTENT_OF_TOPIC: Readonly<Record<TopicId, string>> = {
  ...Object.fromEntries(GUIDANCE.filter((entry) => entry.id === entry.topic).map((entry) => [entry.topic, entry.intent])),
  ...CONVERSATION_TOPICS,
};
