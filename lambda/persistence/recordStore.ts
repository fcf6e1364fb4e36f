import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { applyChange, fieldsOfParts, partsOf, type FieldChange } from './fields';
import { withinDeadline, type Deadline, type Snapshot, type UserStore, type Version, type WriteOutcome } from './userStore';

/**
 * A UserStore over an ASK SDK persistence adapter that keeps one whole record per user (the
 * simulator's folder, the tests' memory). Each write applies the change to the record as it is
 * now, not to the session's copy, so another session's changes stay. These stores serve one
 * process at a time, so they need none of DynamoDB's conditions.
 */
export function recordStore(adapter: PersistenceAdapter): UserStore {
  return {
    async read(envelope: RequestEnvelope, deadline: Deadline): Promise<Snapshot> {
      const record = await withinDeadline(deadline, () => adapter.getAttributes(envelope));
      return { fields: fieldsOfParts(record), version: { generation: null } };
    },

    async write(envelope: RequestEnvelope, change: FieldChange, _at: number, version: Version, deadline: Deadline): Promise<{ outcome: WriteOutcome; version: Version }> {
      await withinDeadline(deadline, async () => {
        const parts = partsOf(applyChange(fieldsOfParts(await adapter.getAttributes(envelope)), change));
        // With nothing left to keep, keep no record at all rather than an empty one.
        if (Object.keys(parts).length === 0 && adapter.deleteAttributes) await adapter.deleteAttributes(envelope);
        else await adapter.saveAttributes(envelope, parts);
      });
      return { outcome: 'saved', version };
    },

    async forget(envelope: RequestEnvelope, deadline: Deadline): Promise<Version> {
      await withinDeadline(deadline, async () => {
        if (adapter.deleteAttributes) await adapter.deleteAttributes(envelope);
        else await adapter.saveAttributes(envelope, {});
      });
      return { generation: null };
    },
  };
}
