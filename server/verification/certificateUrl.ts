import { Refusal } from '../refusal';

const ALEXA_CERTIFICATE_HOST = 's3.amazonaws.com';
const ALEXA_CERTIFICATE_PATH_PREFIX = '/echo.api/';
/** Printable ASCII without space: anything else (tabs, control characters, non-ASCII) is refused. */
const PRINTABLE = /^[\x21-\x7e]+$/;
/** One segment of an object key: dot-separated words, so no `.`, `..`, empty or percent-encoded segment. */
const KEY_SEGMENT = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
/** Far longer than Amazon's own URLs; a bound on what we parse. */
const MAX_URL_LENGTH = 512;

const refuse = (reason: string) => new Refusal(400, `certificate URL ${reason}`);

/**
 * The certificate URL as we will fetch it, or a refusal. Alexa's rule: https, host s3.amazonaws.com,
 * port absent or 443, a path starting /echo.api/ after normalisation. We parse with WHATWG `URL`
 * (the parser `https.get` itself uses, so what we check is what would be fetched) and fetch the
 * normalised form. Before parsing, anything the parser would silently repair (backslashes, tabs,
 * spaces, control characters) is refused; after it, only plain key segments are accepted, so no
 * dot segment, `%2e%2e` or `%2f` can point outside the echo.api bucket at S3's end either.
 */
export function normaliseCertificateUrl(raw: string): string {
  if (raw.length > MAX_URL_LENGTH || !PRINTABLE.test(raw) || raw.includes('\\')) throw refuse('has invalid characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('is not a URL');
  }
  if (url.protocol !== 'https:') throw refuse('has an unsupported protocol');
  if (url.username !== '' || url.password !== '') throw refuse('carries user credentials');
  if (url.hostname !== ALEXA_CERTIFICATE_HOST) throw refuse('has an invalid host name');
  // WHATWG URL drops the scheme's default port, so 443 (written or not) leaves it empty.
  if (url.port !== '') throw refuse('has an invalid port');
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) throw refuse('has a query or fragment');
  const path = url.pathname;
  const key = path.startsWith(ALEXA_CERTIFICATE_PATH_PREFIX) ? path.slice(ALEXA_CERTIFICATE_PATH_PREFIX.length) : '';
  if (!key || !key.split('/').every((segment) => KEY_SEGMENT.test(segment))) throw refuse('has an invalid path');
  return `https://${ALEXA_CERTIFICATE_HOST}${path}`;
}
