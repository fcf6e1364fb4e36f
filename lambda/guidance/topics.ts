import { START_INTENT } from '../rehearsal/intents';
import type { GuidanceEntry, GuidancePart, TopicId } from './types';

/**
 * The guidance, as data. Each part names the locale key of its words and the fact-sheet rows it
 * rests on; the words themselves live only in lambda/locales. A new answer is one entry here, its
 * words in the locale file and its intent in the interaction model; everything else follows from it.
 *
 * Every first answer opens with its own 999 action where the topic sits next to danger (issue 12),
 * stays within 50 spoken words with a nation's note (issue 11), and leaves the rest to "more".
 * Parts keyed `englandWales` are England and Wales's own law: they sit on a "more" page until the
 * nation is known; as an entry's `england_wales` note, they move to the first page for users there.
 */
const REVIEWED = '2026-12-01';

// The parts both drivers' answers say (the unmarked car, driving on before you stop), kept once so
// their rows and Northern Ireland variants cannot drift apart.
// Not "the police advice": no current national advice tells drivers to ring 999 (I15).
const DRIVER_CALL_999: GuidancePart = { key: 'guidance.driving.call999', rows: ['I15', 'I23', 'I25'] };
const THROUGH_WINDOW: GuidancePart = { key: 'guidance.driving.throughWindow', rows: ['I8', 'I16', 'E6', 'I22'] };
const COURT_DECIDES: GuidancePart = { key: 'guidance.driving.courtDecides', rows: ['I9', 'I23'] };
const OFF_DUTY: GuidancePart = { key: 'guidance.driving.offDuty', rows: ['I13'] };
// The Highway Code checked is Great Britain's; Northern Ireland's has its own, not checked (I24, I25).
// Hazard lights only once stopped (I24): never suggested while moving.
const HAZARD_LIGHTS: GuidancePart = {
  key: 'guidance.driving.hazards', rows: ['I24'],
  variants: { northern_ireland: { key: 'guidance.driving.hazardsNorthernIreland', rows: ['I24'] } },
};
const HANDS_FREE: GuidancePart = { key: 'guidance.driving.handsFree', rows: ['I25'] };
const HAND_HELD: GuidancePart = {
  key: 'guidance.driving.handHeld', rows: ['I25'],
  variants: { northern_ireland: { key: 'guidance.driving.handHeldNorthernIreland', rows: ['I25'] } },
};

export const GUIDANCE: readonly GuidanceEntry[] = [
  {
    id: 'overview',
    topic: 'overview',
    intent: 'LoneOfficerStopIntent',
    titleKey: 'guidance.overview.title',
    summary: [
      // The street check is a 999 call on your own phone (the Met's route); 101 is for the doorstep (B12).
      { key: 'guidance.overview.check999', rows: ['B3', 'B12', 'A5', 'D1'] },
      { key: 'guidance.overview.warrantCard', rows: ['E7', 'C3'] },
      { key: 'guidance.overview.ask', rows: ['A3'] },
    ],
    detail: [
      [
        { key: 'guidance.overview.onus', rows: ['B5', 'A12'] },
        { key: 'guidance.overview.unusual', rows: ['A11', 'A2'] },
      ],
      [{ key: 'guidance.overview.uniform', rows: ['K7', 'I19', 'E2', 'E4', 'E5'] }],
      [
        { key: 'guidance.overview.englandWales', rows: ['C9'] },
        { key: 'guidance.overview.scotlandArrest', rows: ['C19', 'C18'] },
        { key: 'guidance.overview.noBankDetails', rows: ['B9', 'E7'] },
      ],
      // A last resort, paired with 999 (section G item 1); no "wave down a bus" (B5).
      [{ key: 'guidance.overview.lastResort', rows: ['A5', 'A13', 'B5'] }],
    ],
    nations: {
      scotland: { key: 'guidance.overview.scotland', rows: ['B6', 'B12'] },
    },
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
      DRIVER_CALL_999,
      // Britain's police advice (I8 to I16); none was found from the PSNI (I22).
      { key: 'guidance.driving.driveOn', rows: ['I8', 'I23'], variants: { northern_ireland: { key: 'guidance.driving.driveOnNorthernIreland', rows: ['I8', 'I22'] } } },
      { key: 'guidance.driving.lockedDoors', rows: ['I8', 'I11', 'I16'] },
    ],
    detail: [
      [
        { key: 'guidance.driving.signal', rows: ['I8'] },
        HAZARD_LIGHTS,
        THROUGH_WINDOW,
      ],
      [
        // Scoped to England, Wales and Scotland in its own words, so said in Northern Ireland too.
        { key: 'guidance.driving.uniformRule', rows: ['I1', 'I2'] },
        COURT_DECIDES,
      ],
      // Northern Ireland's caveat is its note: said first there, and on the last page elsewhere.
      [OFF_DUTY, HANDS_FREE, HAND_HELD],
    ],
    nations: {
      northern_ireland: { key: 'guidance.driving.northernIreland', rows: ['I21', 'I23'] },
    },
    inRehearsal: 'hint',
    reviewed: REVIEWED,
  },
  {
    // Asked as "am I allowed not to stop?", so, unlike the driving answer, the first page says that
    // not stopping can still be an offence; topic running, as the writers of every round label it.
    id: 'drive_on',
    topic: 'running',
    intent: 'DriveOnBeforeStoppingIntent',
    titleKey: 'guidance.drive_on.title',
    summary: [
      DRIVER_CALL_999,
      { key: 'guidance.drive_on.advice', rows: ['I8', 'I23'], variants: { northern_ireland: { key: 'guidance.drive_on.adviceNorthernIreland', rows: ['I8', 'I22'] } } },
      { key: 'guidance.drive_on.offence', rows: ['I1', 'I9', 'F2', 'F8', 'F9'] },
    ],
    detail: [
      [
        // The first page already says to show you've seen it; the hazard-light rule is the rest.
        HAZARD_LIGHTS,
        THROUGH_WINDOW,
      ],
      [
        // The Road Traffic Act's uniform rule does not reach Northern Ireland (I21): never that the
        // officer must be in uniform there; its own law is unconfirmed instead.
        {
          key: 'guidance.driving.uniformRule', rows: ['I1', 'I2'],
          variants: { northern_ireland: { key: 'guidance.driving.northernIrelandMore', rows: ['I21', 'I23'] } },
        },
        COURT_DECIDES,
      ],
      [OFF_DUTY, HANDS_FREE, HAND_HELD],
    ],
    nations: {
      northern_ireland: { key: 'guidance.drive_on.northernIreland', rows: ['F9', 'I21', 'I22'], replaces: 'guidance.drive_on.offence' },
    },
    inRehearsal: 'drive_on',
    reviewed: REVIEWED,
  },
  {
    id: 'questions',
    topic: 'questions',
    intent: 'QuestionsToAskIntent',
    titleKey: 'guidance.questions.title',
    summary: [
      { key: 'guidance.questions.unsafe999', rows: ['B12', 'D1', 'A5'] },
      { key: 'guidance.questions.four', rows: ['A3', 'B8'] },
    ],
    detail: [
      [
        { key: 'guidance.questions.reasonable', rows: ['A12', 'A2'] },
        { key: 'guidance.questions.nameNumber', rows: ['A6', 'E7', 'I20', 'J6'] },
        { key: 'guidance.questions.giveToHandler', rows: ['B3', 'B12', 'A6'] },
      ],
      [
        // England and Wales's law; left out in Northern Ireland, where it would be wrong (C16).
        { key: 'guidance.questions.englandWales', rows: ['C4', 'C8'], variants: { northern_ireland: null } },
        { key: 'guidance.questions.arrest', rows: ['C9', 'C19'] },
        { key: 'guidance.questions.scotlandId', rows: ['C18'] },
      ],
      [{ key: 'guidance.questions.search', rows: ['C1', 'C3'] }],
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
    // "Do I have to answer him?" wants the law where the user is, not the list of questions to ask.
    id: 'answering',
    topic: 'questions',
    intent: 'AnsweringQuestionsIntent',
    titleKey: 'guidance.answering.title',
    // The law on answering comes last on the first page, so the pointer to where it differs follows it.
    summary: [
      { key: 'guidance.answering.unsure999', rows: ['B3', 'B12', 'D1'] },
      { key: 'guidance.answering.canAsk', rows: ['A3', 'A12'] },
      { key: 'guidance.answering.usuallyNot', rows: ['C4', 'C8'] },
    ],
    detail: [
      [
        { key: 'guidance.answering.englandWales', rows: ['C4', 'C8'], variants: { scotland: null, northern_ireland: null } },
        { key: 'guidance.answering.englandWalesExceptions', rows: ['C8'], variants: { scotland: null, northern_ireland: null } },
      ],
      [
        { key: 'guidance.answering.falseStory', rows: ['C4', 'A8'], variants: { scotland: null, northern_ireland: null } },
        { key: 'guidance.running.detained', rows: ['C6', 'C15', 'C9', 'F2', 'F9'], variants: { scotland: { key: 'guidance.running.scotland', rows: ['F8'] } } },
      ],
    ],
    nations: {
      england_wales: { key: 'guidance.answering.englandWales', rows: ['C4', 'C8'], replaces: 'guidance.answering.usuallyNot' },
      scotland: { key: 'guidance.answering.scotland', rows: ['C13'], replaces: 'guidance.answering.usuallyNot' },
      northern_ireland: { key: 'guidance.answering.northernIreland', rows: ['C16'], replaces: 'guidance.answering.usuallyNot' },
    },
    inRehearsal: 'hint',
    offerAtEnd: 'practise',
    reviewed: REVIEWED,
  },
  {
    id: 'verify',
    topic: 'verify',
    intent: 'CheckOfficerIsRealIntent',
    titleKey: 'guidance.verify.title',
    summary: [
      { key: 'guidance.verify.call999', rows: ['B3', 'B12'] },
      { key: 'guidance.verify.giveDetails', rows: ['B3', 'A6', 'E7'] },
    ],
    detail: [
      [
        // Disputed (A4, section G item 2): a radio the officer supplies could be faked.
        { key: 'guidance.verify.radio', rows: ['A4', 'E6'] },
        { key: 'guidance.verify.fakes', rows: ['E6'] },
      ],
      [{ key: 'guidance.verify.uniform', rows: ['K7', 'I19', 'E2', 'E4', 'E5'] }],
      [
        { key: 'guidance.verify.london', rows: ['B2', 'B3'] },
        { key: 'guidance.verify.scotlandMore', rows: ['B6'] },
      ],
      [
        // The 101 lines come from fraud and doorstep alerts (B4, B9, B10, B12).
        { key: 'guidance.verify.streetNotDoorstep', rows: ['B12'] },
        { key: 'guidance.verify.doorstep', rows: ['B4', 'B9', 'B10', 'B12'] },
        { key: 'guidance.verify.noBankDetails', rows: ['B9', 'E7'] },
      ],
    ],
    nations: {
      scotland: { key: 'guidance.verify.scotland', rows: ['B6', 'B12'] },
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
      { key: 'guidance.warrant_card.check999', rows: ['B3', 'B12', 'A6'] },
      { key: 'guidance.warrant_card.what', rows: ['I8', 'I20'] },
      { key: 'guidance.warrant_card.cantSee', rows: ['K6'] },
    ],
    detail: [
      [
        { key: 'guidance.warrant_card.whatMore', rows: ['I8', 'A6'] },
        { key: 'guidance.warrant_card.mustShow', rows: ['C3', 'C15', 'B6', 'I20'] },
        { key: 'guidance.warrant_card.scotlandCards', rows: ['I20'] },
      ],
      [
        { key: 'guidance.warrant_card.notOneDesign', rows: ['E6'] },
        { key: 'guidance.warrant_card.cantSeeMore', rows: ['K6', 'B3', 'B12', 'E6'] },
      ],
      [{ key: 'guidance.warrant_card.doorstep', rows: ['B4', 'B9', 'B10', 'B12'] }],
    ],
    nations: {
      scotland: { key: 'guidance.warrant_card.scotland', rows: ['C18'] },
    },
    inRehearsal: 'warrant_card',
    reviewed: REVIEWED,
  },
  {
    // "Does he have to show me his warrant card?" wants the rule first, not what a card looks like.
    id: 'must_show',
    topic: 'warrant_card',
    intent: 'MustShowWarrantCardIntent',
    titleKey: 'guidance.must_show.title',
    summary: [
      { key: 'guidance.warrant_card.check999', rows: ['B3', 'B12', 'A6'] },
      { key: 'guidance.warrant_card.mustShow', rows: ['C3', 'C15', 'B6', 'I20'] },
    ],
    detail: [
      [
        { key: 'guidance.warrant_card.what', rows: ['I8', 'I20'] },
        { key: 'guidance.warrant_card.whatMore', rows: ['I8', 'A6'] },
        { key: 'guidance.warrant_card.cantSee', rows: ['K6'] },
      ],
      [
        { key: 'guidance.warrant_card.scotland', rows: ['C18'] },
        { key: 'guidance.warrant_card.notOneDesign', rows: ['E6'] },
        { key: 'guidance.plain_clothes.unusual', rows: ['A11'] },
      ],
    ],
    // The first answer already names each nation's rule, so there is no note to bring forward.
    nations: {},
    inRehearsal: 'warrant_card',
    reviewed: REVIEWED,
  },
  {
    id: 'plain_clothes',
    topic: 'plain_clothes',
    intent: 'PlainClothesOfficerIntent',
    titleKey: 'guidance.plain_clothes.title',
    summary: [
      { key: 'guidance.plain_clothes.check999', rows: ['B3', 'B12'] },
      { key: 'guidance.plain_clothes.unusual', rows: ['A11'] },
      // Pairs: the Met's pledge and Police Scotland's statement, not a UK rule (B1, B6, G15).
      { key: 'guidance.plain_clothes.pairs', rows: ['B1', 'B6'] },
    ],
    detail: [
      [
        { key: 'guidance.plain_clothes.arrest', rows: ['A1'] },
        { key: 'guidance.plain_clothes.reassurance', rows: ['A2'] },
      ],
      [
        { key: 'guidance.plain_clothes.noRule', rows: ['B1', 'A11'] },
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
      // Say where you are, right after "call 999" (D9); don't rely on the phone sending it (D10).
      { key: 'guidance.danger.where', rows: ['D9', 'D1', 'D10'] },
      { key: 'guidance.danger.alexaCannot', rows: ['D8'] },
      { key: 'guidance.danger.people', rows: ['A5', 'A13', 'B8'] },
      { key: 'guidance.danger.cantSpeak', rows: ['D3'] },
      { key: 'guidance.danger.press55', rows: ['D3', 'D4'] },
    ],
    detail: [],
    nations: {},
    inRehearsal: 'real',
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
      { key: 'guidance.running.safetyFirst', rows: ['A5', 'A13', 'D1'] },
      { key: 'guidance.running.offence', rows: ['F2', 'F8', 'F9'] },
      { key: 'guidance.running.notLegalAdvice', rows: [], framing: true },
    ],
    detail: [
      [
        { key: 'guidance.running.englandWales', rows: ['F2', 'A7', 'A8', 'F5'] },
        { key: 'guidance.running.notGuaranteed', rows: ['F6', 'A9'] },
      ],
      [
        // England and Wales only: in Northern Ireland, never "you don't have to stop" (C16).
        {
          key: 'guidance.running.questionsOnly', rows: ['C4'],
          variants: { northern_ireland: { key: 'guidance.running.questionsOnlyNorthernIreland', rows: ['C16'] } },
        },
        { key: 'guidance.running.detained', rows: ['C6', 'C15', 'C9', 'F2', 'F9'], variants: { scotland: null } },
      ],
      [{ key: 'guidance.running.impostor', rows: ['F7', 'F4'] }],
    ],
    nations: {
      // F8: the statute's words only; nothing on the state of mind (section G item 14).
      scotland: { key: 'guidance.running.scotland', rows: ['F8'] },
      northern_ireland: { key: 'guidance.running.northernIreland', rows: ['C16', 'F9'] },
      // England and Wales's own words for the UK-wide sentence, which would not both fit the first answer.
      england_wales: { key: 'guidance.running.englandWales', rows: ['F2', 'A7', 'A8', 'F5'], replaces: 'guidance.running.offence' },
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
      { key: 'guidance.emergency.numbers', rows: ['D1', 'D9'] },
      { key: 'guidance.emergency.cantSpeak', rows: ['D3'] },
      { key: 'guidance.emergency.nonEmergency', rows: ['D2'] },
      { key: 'guidance.emergency.alexaCannot', rows: ['D8'] },
    ],
    detail: [
      [
        { key: 'guidance.emergency.silentSolution', rows: ['D3'] },
        { key: 'guidance.emergency.landline', rows: ['D4'] },
        { key: 'guidance.emergency.location', rows: ['D10', 'D9'] },
      ],
      [
        { key: 'guidance.emergency.text', rows: ['D5'] },
        { key: 'guidance.emergency.relay', rows: ['D6', 'D7'] },
      ],
      [
        { key: 'guidance.emergency.sameService', rows: ['D1'] },
        { key: 'guidance.emergency.streetCheck', rows: ['B12', 'B3', 'D2'] },
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
      // Frightened words are sometimes taken for this one too ("he said he was police and..."), and
      // it has no 999 action of its own, so it opens with the short prefix.
      { key: 'safety.inDangerNow', rows: ['D1'] },
      { key: 'guidance.sources.independent', rows: [], framing: true },
      { key: 'guidance.sources.basedOn', rows: ['A1', 'A3', 'A11', 'B6', 'I8'] },
    ],
    detail: [
      [
        { key: 'guidance.sources.notLegalAdvice', rows: [], framing: true },
        // The one open point: whether the Met's and Police Scotland's checks still run (section G item 3).
        { key: 'guidance.sources.checked', rows: ['B2', 'B6'] },
      ],
    ],
    nations: {},
    inRehearsal: 'aside',
    reviewed: REVIEWED,
  },
  {
    id: 'afterwards',
    topic: 'afterwards',
    intent: 'AfterwardsIntent',
    titleKey: 'guidance.afterwards.title',
    summary: [
      { key: 'guidance.afterwards.now999', rows: ['J1'] },
      { key: 'guidance.afterwards.report', rows: ['J1', 'E1', 'E4', 'E5'] },
      { key: 'guidance.afterwards.noteDown', rows: ['J6'] },
    ],
    detail: [
      [{ key: 'guidance.afterwards.englandWales', rows: ['J3'] }],
      [
        { key: 'guidance.afterwards.noteMore', rows: ['J6'] },
        { key: 'guidance.afterwards.crimestoppers', rows: ['J2'] },
      ],
      [
        { key: 'guidance.afterwards.scotlandMore', rows: ['J4'] },
        { key: 'guidance.afterwards.northernIrelandMore', rows: ['J5'] },
      ],
    ],
    nations: {
      scotland: { key: 'guidance.afterwards.scotland', rows: ['J4'] },
      northern_ireland: { key: 'guidance.afterwards.northernIreland', rows: ['J5'] },
    },
    inRehearsal: 'hint',
    reviewed: REVIEWED,
  },
  {
    id: 'needs',
    topic: 'needs',
    intent: 'NeedsIntent',
    titleKey: 'guidance.needs.title',
    summary: [
      { key: 'guidance.needs.call999', rows: ['B3', 'B12', 'D7', 'K5'] },
      // In the street, the general check: have the name and number read out (K6).
      { key: 'guidance.needs.cantSee', rows: ['K6'] },
    ],
    detail: [
      [
        { key: 'guidance.needs.deafText', rows: ['D5', 'D6', 'K5'] },
        { key: 'guidance.needs.deafStreet', rows: ['K5'] },
      ],
      [
        { key: 'guidance.needs.blind', rows: ['K6', 'B3', 'B12', 'E6'] },
        { key: 'guidance.needs.blindDoorstep', rows: ['K6', 'B12'] },
      ],
      // Section K's custody rules: what happens if you are arrested and held, not street-stop rights.
      [
        { key: 'guidance.needs.englandWales', rows: ['K1'] },
        { key: 'guidance.needs.custodyOnly', rows: ['K1'] },
      ],
      [
        { key: 'guidance.needs.interpreter', rows: ['K4'] },
        { key: 'guidance.needs.scotlandMore', rows: ['K2'] },
        { key: 'guidance.needs.northernIrelandMore', rows: ['K3'] },
      ],
      // The sheet has no rows for adults with other needs; saying so keeps the child rules above
      // from sounding like all there is.
      // People name a need when they ask about reporting or complaining too; the last page says
      // where that answer is.
      [
        { key: 'guidance.needs.otherNeeds', rows: [], framing: true },
        { key: 'guidance.needs.reportingPointer', rows: [], framing: true },
      ],
    ],
    nations: {
      scotland: { key: 'guidance.needs.scotland', rows: ['K2'] },
      northern_ireland: { key: 'guidance.needs.northernIreland', rows: ['K3'] },
    },
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
