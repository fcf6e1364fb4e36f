import { mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { userKeyOf } from './userKey';

/**
 * A local store for the simulator: one JSON file per user in a folder. User ids are hashed into
 * file names, so nothing of the id itself is written to disk.
 * @public (index.ts requires it on first use, where knip does not look)
 */
export class FileAdapter implements PersistenceAdapter {
  constructor(private readonly dir: string) {}

  private fileFor(envelope: RequestEnvelope): string {
    return join(this.dir, `${userKeyOf(envelope)}.json`);
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.fileFor(envelope), 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const file = this.fileFor(envelope);
    // Write then rename, so a crash never leaves half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(attributes));
    renameSync(`${file}.tmp`, file);
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    rmSync(this.fileFor(envelope), { force: true });
  }
}
