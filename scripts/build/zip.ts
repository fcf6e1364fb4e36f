import { writeFileSync } from 'node:fs';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

// Fixed time and permissions, so the same bundle always gives the same bytes. The time is the
// earliest a zip's DOS date can hold; the mode is a regular file readable by everyone, since
// Lambda runs the code as a user other than the owner.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;

/** A deflated zip of the entries, in their order. */
export function zipBuffer(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    zip.addBuffer(entry.data, entry.name, { mtime: FIXED_TIME, mode: FILE_MODE, compressionLevel: 9, forceDosTimestamp: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Writes the zip to `file`; returns its size in bytes. */
export async function writeZip(file: string, entries: readonly ZipEntry[]): Promise<number> {
  const archive = await zipBuffer(entries);
  writeFileSync(file, archive);
  return archive.length;
}
