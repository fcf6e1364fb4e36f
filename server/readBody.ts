import type { IncomingMessage } from 'node:http';
import { Refusal } from './refusal';

/**
 * The request body, at most `maxBytes` of it. A body declared or found larger is refused at once
 * (413), and the caller closes the connection: body-parser would read off the whole rest of an
 * oversized body first, so a client declaring 100 MB could hold the connection for as long as it
 * liked. Compressed bodies are refused (415), so nothing is inflated.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return Promise.reject(new Refusal(415, 'send an uncompressed body'));
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new Refusal(413));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = (error: Refusal) => {
      req.off('data', onData);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) stop(new Refusal(413));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => stop(new Refusal(400)));
    req.once('close', () => {
      if (!req.complete) stop(new Refusal(400, 'body incomplete'));
    });
  });
}
