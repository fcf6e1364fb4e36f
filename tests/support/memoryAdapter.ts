import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';

/** An in-memory store for tests; `failing` makes every call throw, like a storage outage. */
export class MemoryAdapter implements PersistenceAdapter {
  readonly items = new Map<string, Record<string, unknown>>();
  failing = false;

  private key(envelope: RequestEnvelope): string {
    return envelope.context.System.user.userId;
  }

  private check(): void {
    if (this.failing) throw Object.assign(new Error('storage unavailable'), { name: 'ServiceUnavailable' });
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    this.check();
    return structuredClone(this.items.get(this.key(envelope)) ?? {});
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    this.check();
    this.items.set(this.key(envelope), structuredClone(attributes));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    this.check();
    this.items.delete(this.key(envelope));
  }
}
