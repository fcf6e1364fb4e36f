import fc from 'fast-check';
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../../../lambda/util/isRecord';
import { loadInteractionModel, type InteractionModel } from '../../../simulator/interactionModel';
import { CANARY, hostileText, markedJson, markedText } from './hostile';
import { sessionAttributes, type SessionAttributesCase } from './sessions';

/** What a correct answer to a generated request must look like, whoever wrote the skill. */
export type Expectation = 'answer' | 'silence' | 'canFulfill' | 'any';

export interface FuzzCase {
  readonly envelope: RequestEnvelope;
  /** Well-formed: a request Alexa could send (any values, any session attributes). */
  readonly wellFormed: boolean;
  readonly expect: Expectation;
  readonly attributes: SessionAttributesCase['kind'];
  readonly label: string;
}

const SUPPORTED_LOCALE = 'en-GB';
/** Locales Alexa has (none of them the skill's but en-GB), and some it has not. */
const OTHER_LOCALES = ['en-US', 'en-IN', 'en-AU', 'en-CA', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'ja-JP', 'pt-BR', 'hi-IN', 'ar-SA', 'fr-CA', 'es-MX', 'en-gb', 'EN-GB', 'en_GB', 'en', 'xx-XX', ''];

const id = (prefix: string) => fc.uuid().map((u) => `${prefix}${u}`);
const timestamp = fc.constant(null).map(() => new Date().toISOString());

const locale = fc.oneof(
  { weight: 6, arbitrary: fc.constant(SUPPORTED_LOCALE) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_LOCALES) },
  { weight: 1, arbitrary: hostileText },
);

const supportedInterfaces = fc.constantFrom(
  {},
  { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } },
  { Display: { templateVersion: '1.0', markupVersion: '1.0' } },
  { AudioPlayer: {} },
);

/** A slot as Alexa fills it: with or without a value, matched to the slot type or not. */
function slotArbitrary(name: string, ids: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const resolutions = fc.record({
    code: fc.constantFrom('ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH', 'ER_ERROR_TIMEOUT', 'ER_ERROR_EXCEPTION'),
    resolvedId: fc.oneof(fc.constantFrom(...(ids.length ? ids : ['none'])), markedText),
    resolvedName: markedText,
  }).map(({ code, resolvedId, resolvedName }) => ({
    resolutionsPerAuthority: [{
      authority: `amzn1.er-authority.echo-sdk.skill.${name}`,
      status: { code },
      ...(code === 'ER_SUCCESS_MATCH' ? { values: [{ value: { name: resolvedName, id: resolvedId } }] } : {}),
    }],
  }));
  return fc.record({
    value: fc.option(markedText, { nil: undefined }),
    resolutions: fc.option(resolutions, { nil: undefined }),
    confirmationStatus: fc.constantFrom('NONE', 'CONFIRMED', 'DENIED'),
  }).map(({ value, resolutions: r, confirmationStatus }) => ({
    name,
    confirmationStatus,
    source: 'USER',
    ...(value !== undefined ? { value, slotValue: { type: 'Simple', value } } : {}),
    ...(r && value !== undefined ? { resolutions: r } : {}),
  }));
}

/** An IntentRequest for an intent of the model (or an intent it does not have). */
function intentRequest(model: InteractionModel) {
  const typeIds = new Map(model.types.map((t) => [t.name, t.values.map((v) => v.id)]));
  const undeclared = fc.dictionary(fc.oneof(markedText, fc.constantFrom('nation', 'value', '__proto__')), slotArbitrary('extra', []), { maxKeys: 2 });
  // Each intent's arbitrary is built once, not again for every request drawn (the values are the same).
  const requestFor = new Map(model.intents.map((intent) => [intent, fc.record({
    declared: fc.tuple(...intent.slots.map((s) => fc.option(slotArbitrary(s.name, typeIds.get(s.type) ?? []), { nil: undefined }))),
    undeclared,
  }).map(({ declared, undeclared: extra }) => {
    const slots: Record<string, unknown> = { ...extra };
    intent.slots.forEach((s, i) => {
      const filled = declared[i];
      // Alexa sends every declared slot, with no value when nothing was heard.
      slots[s.name] = filled ?? { name: s.name, confirmationStatus: 'NONE' };
    });
    return { name: intent.name, slots, known: true };
  })]));
  const named = fc.constantFrom(...model.intents).chain((intent) => requestFor.get(intent) as NonNullable<ReturnType<typeof requestFor.get>>);
  const unknown = fc.oneof(fc.constantFrom('AMAZON.PauseIntent', 'AMAZON.ResumeIntent', 'AMAZON.ScrollDownIntent', 'AMAZON.SelectIntent', 'AMAZON.SendToPhoneIntent', 'RetiredIntent'), markedText)
    .map((name) => ({ name, slots: {}, known: false }));
  return fc.oneof({ weight: 9, arbitrary: named }, { weight: 1, arbitrary: unknown }).chain(({ name, slots }) =>
    fc.record({
      dialogState: fc.constantFrom(undefined, 'STARTED', 'IN_PROGRESS', 'COMPLETED'),
      includeSlots: fc.boolean(),
    }).map(({ dialogState, includeSlots }) => ({
      type: 'IntentRequest',
      ...(dialogState ? { dialogState } : {}),
      intent: { name, confirmationStatus: 'NONE', ...(includeSlots || Object.keys(slots).length ? { slots } : {}) },
    })));
}

interface RequestShape {
  readonly body: fc.Arbitrary<Record<string, unknown>>;
  /** Whether Alexa sends this request inside a session. */
  readonly session: boolean;
  readonly expect: Expectation;
  /** How reports count it (the request type by default). */
  readonly label?: string;
  /** How often it is drawn against the others (1 by default): intents, the heart of it, most. */
  readonly weight?: number;
}

const alexaError = fc.record({
  type: fc.constantFrom('INVALID_RESPONSE', 'DEVICE_COMMUNICATION_ERROR', 'INTERNAL_SERVICE_ERROR', 'ENDPOINT_TIMEOUT'),
  message: markedText,
});

/** Every request type Alexa can send a custom skill, each in its documented shape. */
function alexaRequests(model: InteractionModel): RequestShape[] {
  const event = (type: string) => fc.record({ body: fc.option(markedJson, { nil: undefined }) })
    .map(({ body }) => ({ type, eventCreationTime: new Date().toISOString(), eventPublishingTime: new Date().toISOString(), ...(body ? { body } : {}) }));
  return [
    { body: fc.constant({ type: 'LaunchRequest' }), session: true, expect: 'answer', weight: 3 },
    { body: intentRequest(model), session: true, expect: 'answer', weight: 20 },
    {
      body: fc.record({ reason: fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS'), error: fc.option(alexaError, { nil: undefined }) })
        .map(({ reason, error }) => ({ type: 'SessionEndedRequest', reason, ...(error ? { error } : {}) })),
      session: true,
      expect: 'silence',
    },
    {
      body: fc.record({ error: alexaError, requestId: fc.uuid() }).map(({ error, requestId }) => ({ type: 'System.ExceptionEncountered', error, cause: { requestId } })),
      session: false,
      expect: 'silence',
    },
    {
      body: fc.record({ token: markedText, args: fc.array(markedJson, { maxLength: 3 }) })
        .map(({ token, args }) => ({ type: 'Alexa.Presentation.APL.UserEvent', token, arguments: args, source: { type: 'TouchWrapper', handler: 'Press', id: 'button' } })),
      session: true,
      expect: 'answer',
    },
    ...['SkillEnabled', 'SkillDisabled', 'SkillPermissionAccepted', 'SkillPermissionChanged', 'SkillAccountLinked', 'ProactiveSubscriptionChanged']
      .map((name): RequestShape => ({ body: event(`AlexaSkillEvent.${name}`), session: false, expect: 'silence' })),
    ...['ItemsCreated', 'ListCreated'].map((name): RequestShape => ({ body: event(`AlexaHouseholdListEvent.${name}`), session: false, expect: 'silence' })),
    {
      body: fc.record({ payload: markedJson, code: fc.constantFrom('200', '400', '500') })
        .map(({ payload, code }) => ({ type: 'Connections.Response', name: 'AskFor', status: { code, message: 'OK' }, payload, token: CANARY })),
      session: true,
      expect: 'answer',
    },
    {
      body: intentRequest(model).map((request) => ({ ...request, type: 'CanFulfillIntentRequest', dialogState: undefined })),
      session: true,
      expect: 'canFulfill',
    },
    { body: fc.constant({ type: 'Display.ElementSelected', token: CANARY }), session: true, expect: 'answer' },
    { body: fc.constant({ type: 'SessionResumedRequest', cause: { type: 'ConnectionCompleted', token: CANARY, status: { code: '200', message: 'OK' } } }), session: true, expect: 'answer' },
    ...['PlaybackStarted', 'PlaybackFinished', 'PlaybackStopped', 'PlaybackNearlyFinished', 'PlaybackFailed']
      .map((name): RequestShape => ({ body: fc.constant({ type: `AudioPlayer.${name}`, token: CANARY, offsetInMilliseconds: 0 }), session: false, expect: 'silence' })),
    ...['PlayCommandIssued', 'NextCommandIssued', 'PauseCommandIssued']
      .map((name): RequestShape => ({ body: fc.constant({ type: `PlaybackController.${name}` }), session: false, expect: 'silence' })),
    { body: fc.constant({ type: 'Alexa.Presentation.APL.RuntimeError', token: CANARY, errors: [{ type: 'LIST_ERROR', message: CANARY }] }), session: true, expect: 'silence' },
    { body: fc.constant({ type: 'Messaging.MessageReceived', message: { text: CANARY } }), session: false, expect: 'silence' },
    { body: fc.constant({ type: 'Reminders.ReminderCreated', body: { alertToken: CANARY } }), session: false, expect: 'silence' },
  ];
}

/** Request types Alexa never sends: a calm answer or silence, but never a failure. */
const impossibleRequests: RequestShape = {
  body: fc.oneof(
    fc.constantFrom('Bogus.Request', '', 'launchrequest', 'IntentRequest ', 'LAUNCHREQUEST', 'Alexa.Presentation.APL.UserEvent.Extra', 'constructor', '__proto__'),
    markedText,
  ).map((type) => ({ type, intent: { name: CANARY } })),
  session: true,
  expect: 'answer',
  label: '(a request type Alexa never sends)',
};

export interface EnvelopeOptions {
  /** The skill id the envelopes carry (the handler may be checking it). */
  readonly skillId: string;
}

function assemble(
  body: Record<string, unknown>,
  shape: RequestShape,
  parts: EnvelopeParts,
  options: EnvelopeOptions,
): { envelope: RequestEnvelope; attributes: SessionAttributesCase['kind']; expect: Expectation } {
  const application = { applicationId: options.skillId };
  const user = { userId: parts.userId };
  const request = { requestId: parts.requestId, timestamp: parts.timestamp, locale: parts.locale, ...body };
  // Now and then a request in an older or stripped-down shape: no session, or no context.
  const withSession = shape.session && parts.variant !== 'noSession';
  const attributes = withSession ? parts.attributes : { kind: 'absent' as const };
  const session = withSession ? {
    new: parts.isNew,
    sessionId: parts.sessionId,
    application,
    user,
    ...(attributes.kind === 'absent' ? {} : { attributes: attributes.value }),
  } : undefined;
  const envelope = {
    version: '1.0',
    ...(session ? { session } : {}),
    ...(parts.variant === 'noContext' ? {} : {
      context: {
        System: {
          application,
          user,
          device: { deviceId: `amzn1.ask.device.${parts.requestId}`, supportedInterfaces: parts.interfaces },
          apiEndpoint: 'https://api.eu.amazonalexa.com',
          apiAccessToken: `token.${parts.requestId}`,
        },
      },
    }),
    request,
  } as unknown as RequestEnvelope;
  // Without its session, a request may be answered or acknowledged silently: either is correct.
  const expect: Expectation = shape.session && !withSession ? 'any' : shape.expect;
  return { envelope, attributes: attributes.kind, expect };
}

interface EnvelopeParts {
  readonly locale: string;
  readonly requestId: string;
  readonly sessionId: string;
  readonly userId: string;
  readonly isNew: boolean;
  readonly attributes: SessionAttributesCase;
  readonly interfaces: object;
  readonly timestamp: string;
  readonly variant: 'full' | 'noSession' | 'noContext';
}

const envelopeParts: fc.Arbitrary<EnvelopeParts> = fc.record({
  locale,
  requestId: id('amzn1.echo-api.request.'),
  sessionId: id('amzn1.echo-api.session.'),
  userId: id('amzn1.ask.account.'),
  isNew: fc.boolean(),
  attributes: sessionAttributes,
  interfaces: supportedInterfaces,
  timestamp,
  variant: fc.oneof({ weight: 18, arbitrary: fc.constant('full' as const) }, fc.constant('noSession' as const), fc.constant('noContext' as const)),
});

/** Well-formed envelopes of every kind Alexa sends, and of kinds it never sends. */
export function wellFormedCases(options: EnvelopeOptions, model: InteractionModel = loadInteractionModel()): fc.Arbitrary<FuzzCase> {
  const shapes = [...alexaRequests(model), impossibleRequests];
  return fc.oneof(...shapes.map((shape) => ({ weight: shape.weight ?? 1, arbitrary: fc.constant(shape) }))).chain((shape) =>
    fc.tuple(shape.body, envelopeParts).map(([body, parts]): FuzzCase => {
      const { envelope, attributes, expect } = assemble(body, shape, parts, options);
      return { envelope, wellFormed: true, expect, attributes, label: shape.label ?? String(body.type) };
    }));
}

/** The same request in the skill's locale and in another one, to compare the answers. */
export function localePairs(options: EnvelopeOptions, model: InteractionModel = loadInteractionModel()) {
  const shape = alexaRequests(model)[1] as RequestShape;
  return fc.tuple(shape.body, envelopeParts, fc.constantFrom(...OTHER_LOCALES)).map(([body, parts, other]) => ({
    home: assemble(body, shape, { ...parts, variant: 'full', locale: SUPPORTED_LOCALE }, options).envelope,
    away: assemble(body, shape, { ...parts, variant: 'full', locale: other }, options).envelope,
    locale: other,
  }));
}

/** Ways to break an envelope's structure (what Alexa never sends): the skill must still answer. */
const breakages: readonly ((e: Record<string, unknown>) => unknown)[] = [
  (e) => ({ ...e, request: undefined }),
  (e) => ({ ...e, request: CANARY }),
  (e) => ({ ...e, request: null }),
  (e) => ({ ...e, request: { ...(e.request as object), type: 42 } }),
  (e) => ({ ...e, request: { ...(e.request as object), intent: undefined } }),
  (e) => ({ ...e, request: { ...(e.request as object), intent: { name: ['x'], slots: CANARY } } }),
  (e) => ({ ...e, request: { ...(e.request as object), intent: { name: 'LoneOfficerStopIntent', slots: { nation: CANARY } } } }),
  (e) => ({ ...e, request: { ...(e.request as object), intent: { name: 'LoneOfficerStopIntent', slots: { nation: { name: 'nation', value: 7, resolutions: { resolutionsPerAuthority: CANARY } } } } } }),
  (e) => ({ ...e, request: { ...(e.request as object), locale: { toString: CANARY } } }),
  (e) => ({ ...e, session: CANARY }),
  (e) => ({ ...e, session: { ...(isRecord(e.session) ? e.session : {}), attributes: undefined, new: 'yes' } }),
  (e) => ({ ...e, version: undefined, context: { System: { application: (e.context as { System?: { application?: unknown } } | undefined)?.System?.application } } }),
  (e) => ({ ...e, [CANARY]: CANARY }),
  () => ({}),
  () => [],
  () => null,
  () => CANARY,
];

/** Any value at all where an envelope's parts belong, with the real names and types mixed in. */
function anyShapeEnvelope(options: EnvelopeOptions, model: InteractionModel): fc.Arbitrary<unknown> {
  const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withDate: true, withSparseArray: true });
  const types = ['LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'CanFulfillIntentRequest', 'Alexa.Presentation.APL.UserEvent', 'System.ExceptionEncountered'];
  const application = { applicationId: options.skillId };
  return fc.record({
    version: anything,
    session: fc.oneof(anything, fc.record({ new: anything, sessionId: anything, attributes: fc.oneof(anything, fc.record({ conversation: anything })), application: fc.constant(application) }, { requiredKeys: [] })),
    context: fc.oneof(anything, fc.constant({ System: { application, user: { userId: 'amzn1.ask.account.any' }, device: { deviceId: 'amzn1.ask.device.any', supportedInterfaces: {} } } })),
    request: fc.oneof(anything, fc.record({
      type: fc.oneof(fc.constantFrom(...types), anything),
      locale: anything,
      intent: fc.oneof(anything, fc.record({ name: fc.oneof(fc.constantFrom(...model.intents.map((i) => i.name)), anything), slots: anything }, { requiredKeys: [] })),
      reason: anything,
      error: anything,
    }, { requiredKeys: [] })),
  }, { requiredKeys: [] });
}

/** Structurally broken envelopes: a valid answer still comes back (the error handler may give it). */
export function malformedCases(options: EnvelopeOptions, model: InteractionModel = loadInteractionModel()): fc.Arbitrary<FuzzCase> {
  const broken = fc.tuple(wellFormedCases(options, model), fc.integer({ min: 0, max: breakages.length - 1 })).map(([wellFormed, which]): FuzzCase => ({
    ...wellFormed,
    envelope: (breakages[which] as (e: Record<string, unknown>) => unknown)(wellFormed.envelope as unknown as Record<string, unknown>) as RequestEnvelope,
    wellFormed: false,
    expect: 'answer',
    label: `malformed #${which}`,
  }));
  const anyShape = anyShapeEnvelope(options, model).map((envelope): FuzzCase => ({
    envelope: envelope as RequestEnvelope, wellFormed: false, expect: 'answer', attributes: 'broken', label: 'malformed: any shape',
  }));
  return fc.oneof({ weight: 3, arbitrary: broken }, { weight: 1, arbitrary: anyShape });
}

/** One turn of a generated conversation: the request, and a corruption of the session, if any. */
export interface TurnPlan {
  readonly body: Record<string, unknown>;
  readonly shape: RequestShape;
  readonly parts: EnvelopeParts;
  readonly corruption: SessionAttributesCase | null;
}

/** The session as Alexa carries it from one turn to the next. */
export interface CarriedSession {
  readonly sessionId: string;
  readonly isNew: boolean;
  readonly attributes: unknown;
}

/** Conversations of a few turns, mostly launches and intents, now and then with a broken session. */
export function conversationPlans(options: EnvelopeOptions, model: InteractionModel = loadInteractionModel()): fc.Arbitrary<TurnPlan[]> {
  void options;
  const [launch, intent, , , aplEvent] = alexaRequests(model) as RequestShape[];
  const shapes = [launch, intent, intent, intent, aplEvent] as RequestShape[];
  const turn = fc.constantFrom(...shapes).chain((shape) => fc.record({
    body: shape.body,
    shape: fc.constant(shape),
    parts: envelopeParts,
    corruption: fc.option(sessionAttributes.filter((a) => a.kind === 'broken'), { freq: 5, nil: null }),
  }));
  return fc.array(turn, { minLength: 2, maxLength: 6 });
}

/** The envelope for a planned turn in a carried session (a corruption replaces its attributes). */
export function turnCase(plan: TurnPlan, carried: CarriedSession, options: EnvelopeOptions): FuzzCase {
  const attributes: SessionAttributesCase = plan.corruption ?? { kind: 'valid', value: carried.attributes };
  const parts = { ...plan.parts, sessionId: carried.sessionId, isNew: carried.isNew, attributes, locale: SUPPORTED_LOCALE, variant: 'full' as const };
  const { envelope } = assemble(plan.body, plan.shape, parts, options);
  return { envelope, wellFormed: true, expect: plan.shape.expect, attributes: attributes.kind, label: `in a conversation: ${String(plan.body.type)}` };
}

/** Well-formed requests for some other skill: refused (rejected) when the handler checks SKILL_ID. */
export function otherSkillCases(options: EnvelopeOptions, model: InteractionModel = loadInteractionModel()): fc.Arbitrary<FuzzCase> {
  return fc.tuple(wellFormedCases(options, model), fc.oneof(fc.constantFrom('amzn1.ask.skill.someone-else', '', 'null'), markedText))
    .filter(([, other]) => other !== options.skillId)
    .map(([fuzzCase, other]) => {
      // Copied level by level (session attributes can be nested too deeply for a JSON round trip).
      const original = fuzzCase.envelope as unknown as { session?: object; context?: { System?: object } };
      const application = { applicationId: other };
      const envelope = {
        ...original,
        ...(original.session ? { session: { ...original.session, application } } : {}),
        context: { ...(original.context ?? {}), System: { ...(original.context?.System ?? {}), application } },
      };
      return { ...fuzzCase, envelope: envelope as unknown as RequestEnvelope, label: `for another skill: ${fuzzCase.label}` };
    });
}
