import type { RequestEnvelope } from 'ask-sdk-model';
import { logLine } from '../observability/log';
import { isRecord } from '../util/isRecord';
import { numberOf, toAttribute, toPlain, type AttributeValue } from './attributeValues';
import { dynamoCaller, DynamoError, type DynamoCall, type DynamoClientConfig } from './dynamoHttp';
import { FIELDS, specOf, type FieldChange, type FieldName, type Fields } from './fields';
import { userKeyOf } from './userKey';
import { withinDeadline, type Deadline, type Snapshot, type UserStore, type Version, type WriteOutcome } from './userStore';

/** The table's shape, for whoever creates it: a string partition key and a TTL attribute. */
export const USER_TABLE = { partitionKey: 'id', ttlAttribute: 'expiresAt' } as const;

/** How long data is kept after the user last used the skill; PRIVACY.md states the same number. */
export const KEEP_DAYS = 90;

/**
 * How long the marker "forget me" leaves behind is kept: longer than any session lasts, so no
 * session that read the data before it was deleted can write it back.
 */
export const FORGOTTEN_DAYS = 1;

const DAY_SECONDS = 24 * 60 * 60;

/** Attribute names beside the fields: the generation ("forget me" count), and the pre-field map. */
const GENERATION = 'gen';
const LEGACY = 'attributes';
const stampOf = (name: FieldName) => `${name}At`;

export interface DynamoAdapterOptions {
  readonly tableName: string;
  readonly keepDays?: number;
  /** Endpoint, region and credentials; on Lambda they come from the environment. */
  readonly clientConfig?: DynamoClientConfig;
  /** The clock, in milliseconds (tests move it). */
  readonly now?: () => number;
  /** Where endpoint, region and credentials are read from when clientConfig leaves them out. */
  readonly env?: NodeJS.ProcessEnv;
}

type Item = Record<string, AttributeValue>;

/** An update expression in the making: names and values are numbered, so no field name can clash. */
class Update {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  readonly set: string[] = [];
  readonly remove: string[] = [];
  readonly add: string[] = [];
  readonly conditions: string[] = [];

  name(attribute: string): string {
    const placeholder = `#${attribute}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  value(value: AttributeValue): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  input(tableName: string, key: string): Record<string, unknown> {
    const clauses = [['SET', this.set], ['REMOVE', this.remove], ['ADD', this.add]] as const;
    return {
      TableName: tableName,
      Key: { id: { S: key } },
      UpdateExpression: clauses.filter(([, parts]) => parts.length).map(([word, parts]) => `${word} ${parts.join(', ')}`).join(' '),
      ExpressionAttributeNames: this.names,
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
      ...(this.conditions.length ? { ConditionExpression: this.conditions.map((c) => `(${c})`).join(' AND ') } : {}),
    };
  }
}

/** One field of an item, validated on its own: undefined when missing or odd. */
function fieldOf(attribute: unknown, read: (raw: unknown) => unknown): unknown {
  if (attribute === undefined) return undefined;
  try {
    return read(toPlain(attribute));
  } catch {
    return undefined;
  }
}

/**
 * The values of the pre-field shape: { attributes: { preferences: {...}, rehearsal: {...} } }, each
 * value read on its own, so one odd value costs only its own field.
 */
function legacyParts(item: Item): Record<string, Record<string, unknown>> | undefined {
  const map = (item[LEGACY] as { M?: unknown } | undefined)?.M;
  if (!isRecord(map)) return undefined;
  const parts: Record<string, Record<string, unknown>> = {};
  for (const [name, part] of Object.entries(map)) {
    const fields = (part as { M?: unknown } | undefined)?.M;
    if (!isRecord(fields)) continue;
    parts[name] = {};
    for (const [key, value] of Object.entries(fields)) {
      try {
        (parts[name] as Record<string, unknown>)[key] = toPlain(value);
      } catch {
        // Left out: the field reads as its default.
      }
    }
  }
  return parts;
}

/**
 * The skill's DynamoDB store. One item per user, keyed by a hash of the user id, with one attribute
 * per field, a change time per field, a generation counted up by each "forget me", and an expiry
 * for DynamoDB's TTL. docs/store.md explains the design and why.
 */
export class DynamoAdapter implements UserStore {
  private readonly call: DynamoCall;
  private readonly keepSeconds: number;
  private readonly now: () => number;

  constructor(private readonly options: DynamoAdapterOptions) {
    this.call = dynamoCaller(options.clientConfig, options.env);
    this.keepSeconds = Math.round((options.keepDays ?? KEEP_DAYS) * DAY_SECONDS);
    this.now = options.now ?? Date.now;
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  private send(operation: string, input: Record<string, unknown>, deadline: Deadline): Promise<Record<string, unknown>> {
    return withinDeadline(deadline, (signal) => this.call(operation, input, signal));
  }

  private async getItem(key: string, deadline: Deadline): Promise<Item | undefined> {
    const { Item } = await this.send('GetItem', { TableName: this.options.tableName, Key: { id: { S: key } }, ConsistentRead: true }, deadline);
    return isRecord(Item) ? (Item as Item) : undefined;
  }

  /** What an item holds, field by field; an expired item holds nothing (DynamoDB deletes it within days). */
  private snapshotOf(item: Item | undefined): Snapshot {
    if (!item) return { fields: {}, version: { generation: 0 } };
    const generation = numberOf(item[GENERATION]) ?? 0;
    const expiresAt = numberOf(item.expiresAt);
    // Only a number in the past expires an item (DynamoDB's TTL ignores anything else): a missing
    // or odd expiry keeps the data, and the next write sets a proper one.
    if (expiresAt !== undefined && expiresAt <= this.nowSeconds()) {
      return { fields: {}, version: { generation, expiredAt: (item.expiresAt as { N: string }).N } };
    }
    const legacy = legacyParts(item);
    const fields: Fields = {};
    for (const spec of FIELDS) {
      let value = fieldOf(item[spec.name], spec.read);
      // A field never written in this shape may still be in the old one.
      if (value === undefined && item[stampOf(spec.name)] === undefined && item[spec.name] === undefined && legacy) {
        const part = legacy[spec.part];
        value = isRecord(part) ? spec.read(part[spec.key]) : undefined;
      }
      if (value !== undefined) fields[spec.name] = value;
    }
    return { fields, version: { generation, ...(item[LEGACY] !== undefined ? { legacy: true } : {}) } };
  }

  /** The item's key: a hash of the user id (userKey.ts). */
  private keyOf(envelope: RequestEnvelope): string {
    const key = userKeyOf(envelope);
    if (key === null) throw new DynamoError('NoUserId', 0);
    return key;
  }

  async read(envelope: RequestEnvelope, deadline: Deadline): Promise<Snapshot> {
    const key = this.keyOf(envelope);
    const item = await this.getItem(key, deadline);
    const snapshot = this.snapshotOf(item);
    const expiresAt = numberOf(item?.expiresAt);
    // Reading pushes the expiry back, at most once a day, so a regular user keeps their settings.
    if (Object.keys(snapshot.fields).length && !snapshot.version.expiredAt && (expiresAt === undefined || expiresAt - this.nowSeconds() < this.keepSeconds - DAY_SECONDS)) {
      const update = new Update();
      update.set.push(`${update.name('expiresAt')} = ${update.value({ N: String(this.nowSeconds() + this.keepSeconds) })}`);
      update.conditions.push(`attribute_exists(${update.name('id')})`);
      await this.send('UpdateItem', update.input(this.options.tableName, key), deadline).catch((error: unknown) => {
        // Keeping the data a little longer is not worth failing the read for.
        logLine({ event: 'storage_failure', operation: 'refresh', error: error instanceof Error ? error.name : 'Error' });
      });
    }
    return snapshot;
  }

  /** The update for `change`, planned against the item as `version` saw it. */
  private plan(change: FieldChange, at: number, version: Version, legacyFields: Fields): Update {
    const update = new Update();
    let stamp: string | undefined;
    const stampValue = () => (stamp ??= update.value({ N: String(at) }));
    for (const [name, value] of Object.entries(change) as [FieldName, unknown][]) {
      const spec = specOf(name);
      const field = update.name(name);
      if (spec.merge === 'union') {
        // Moving out of the old shape: what it held is added too, not left behind.
        const fromLegacy = version.legacy && !version.expiredAt ? ((legacyFields[name] as unknown[] | undefined) ?? []) : [];
        const added = spec.read([...(value as unknown[]), ...fromLegacy]) as string[] | undefined;
        if (!added) continue;
        // Over an expired item the old set is gone: start a new one rather than add to it.
        if (version.expiredAt) update.set.push(`${field} = ${update.value({ SS: added })}`);
        else update.add.push(`${field} ${update.value({ SS: added })}`);
        continue;
      }
      const changedAt = update.name(stampOf(name));
      const kept = value === null ? undefined : spec.read(value);
      if (kept === undefined) update.remove.push(field);
      else update.set.push(`${field} = ${update.value(toAttribute(kept))}`);
      update.set.push(`${changedAt} = ${stampValue()}`);
      // A change made earlier (a late retry, a slow device) never overwrites a later one.
      update.conditions.push(`attribute_not_exists(${changedAt}) OR ${changedAt} <= ${stampValue()}`);
    }
    if (version.generation === 0) update.conditions.push(`attribute_not_exists(${update.name(GENERATION)})`);
    else if (version.generation !== null) update.conditions.push(`${update.name(GENERATION)} = ${update.value({ N: String(version.generation) })}`);
    const expiresAt = update.name('expiresAt');
    if (version.expiredAt) {
      // The expired data is deleted by this write, unless another device wrote since.
      update.conditions.push(`${expiresAt} = ${update.value({ N: version.expiredAt })}`);
      for (const spec of FIELDS) {
        if (!(spec.name in change)) update.remove.push(update.name(spec.name));
        if (!(spec.name in change) && spec.merge === 'latest') update.remove.push(update.name(stampOf(spec.name)));
      }
      update.remove.push(update.name(LEGACY));
    } else {
      // Planned against a live item (or one not read): if it has expired since, plan again.
      update.conditions.push(`attribute_not_exists(${expiresAt}) OR NOT attribute_type(${expiresAt}, ${update.value({ S: 'N' })}) OR ${expiresAt} > ${update.value({ N: String(this.nowSeconds()) })}`);
    }
    if (!version.expiredAt && version.legacy) {
      // The old shape is moved out on the first write: what it held becomes fields, and the item
      // shrinks back to what the skill keeps (an old item could be near DynamoDB's size limit).
      const legacy = update.name(LEGACY);
      update.conditions.push(`attribute_exists(${legacy})`);
      for (const [name, value] of Object.entries(legacyFields) as [FieldName, unknown][]) {
        if (name in change || value === undefined) continue;
        const field = update.name(name);
        const attribute = specOf(name).merge === 'union' ? { SS: value as string[] } : toAttribute(value);
        update.set.push(`${field} = if_not_exists(${field}, ${update.value(attribute)})`);
      }
      update.remove.push(legacy);
    }
    update.set.push(`${expiresAt} = ${update.value({ N: String(this.nowSeconds() + this.keepSeconds) })}`);
    return update;
  }

  async write(envelope: RequestEnvelope, change: FieldChange, at: number, version: Version, deadline: Deadline): Promise<{ outcome: WriteOutcome; version: Version }> {
    const key = this.keyOf(envelope);
    let seen = version;
    const pending = { ...change };
    let legacyFields: Fields = version.legacy ? (await this.legacyFieldsOf(key, deadline)) : {};
    // At most twice: once as the session saw the item, once more as it is now if that had moved on.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.send('UpdateItem', this.plan(pending, at, seen, legacyFields).input(this.options.tableName, key), deadline);
        return { outcome: 'saved', version: { generation: seen.generation } };
      } catch (error) {
        if (!(error instanceof DynamoError) || error.name !== 'ConditionalCheckFailedException' || attempt > 0) throw error;
      }
      const item = await this.getItem(key, deadline);
      const now = this.snapshotOf(item).version;
      // Deleted since the session read it: nothing from before may come back.
      if (seen.generation !== null && now.generation !== seen.generation) return { outcome: 'forgotten', version: now };
      for (const name of Object.keys(pending) as FieldName[]) {
        const stamp = numberOf(item?.[stampOf(name)]);
        if (stamp !== undefined && stamp > at) delete pending[name];
      }
      if (!Object.keys(pending).length) return { outcome: 'superseded', version: seen };
      seen = { ...now, generation: seen.generation ?? null };
      legacyFields = now.legacy && item ? this.snapshotOf(item).fields : {};
    }
    return { outcome: 'superseded', version: seen };
  }

  /** The fields an item still holds in its old shape, to move out with the next write. */
  private async legacyFieldsOf(key: string, deadline: Deadline): Promise<Fields> {
    const item = await this.getItem(key, deadline);
    return item && item[LEGACY] !== undefined ? this.snapshotOf(item).fields : {};
  }

  async forget(envelope: RequestEnvelope, deadline: Deadline): Promise<Version> {
    const key = this.keyOf(envelope);
    const update = new Update();
    for (const spec of FIELDS) {
      update.remove.push(update.name(spec.name));
      if (spec.merge === 'latest') update.remove.push(update.name(stampOf(spec.name)));
    }
    update.remove.push(update.name(LEGACY));
    update.add.push(`${update.name(GENERATION)} ${update.value({ N: '1' })}`);
    update.set.push(`${update.name('expiresAt')} = ${update.value({ N: String(this.nowSeconds() + FORGOTTEN_DAYS * DAY_SECONDS) })}`);
    const { Attributes } = await this.send('UpdateItem', { ...update.input(this.options.tableName, key), ReturnValues: 'UPDATED_NEW' }, deadline);
    return { generation: numberOf(isRecord(Attributes) ? Attributes[GENERATION] : undefined) ?? null };
  }
}
