import { crc32 } from 'node:zlib';
import { fromBuffer, type Entry } from 'yauzl';

export interface ReadEntry {
  readonly name: string;
  readonly data: Buffer;
  /** Unix permission bits, as Lambda will see them when it unpacks the archive. */
  readonly mode: number;
}

/**
 * Reads a zip with yauzl (a reader that shares no code with the writer, yazl) and checks each
 * entry's data against the CRC the archive records, with Node's own CRC-32: yauzl leaves that
 * check to its caller, and a bad CRC is what an unzipper on Lambda would refuse.
 */
export function readZip(archive: Buffer): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(archive, { lazyEntries: true, strictFileNames: true }, (openError, zip) => {
      if (openError) return reject(openError);
      const entries: ReadEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            const data = Buffer.concat(chunks);
            if (crc32(data) !== entry.crc32) return reject(new Error(`CRC mismatch for ${entry.fileName}`));
            entries.push({ name: entry.fileName, data, mode: (entry.externalFileAttributes >>> 16) & 0o7777 });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
