/**
 * The two addresses certification needs, the privacy policy and the terms of use, come from
 * configuration when the skill package is assembled, never from skill.json: there is no
 * placeholder to ship by mistake. docs/publishing.md says how to publish the two pages.
 */
export interface PublishingUrls {
  readonly privacyPolicyUrl?: string;
  readonly termsOfUseUrl?: string;
}

/** Each field of the manifest, the flag (a parseArgs option) and the environment variable that set it. */
export const URL_SETTINGS = [
  { field: 'privacyPolicyUrl', flag: 'privacy-policy-url', env: 'PRIVACY_POLICY_URL', page: 'PRIVACY.md' },
  { field: 'termsOfUseUrl', flag: 'terms-of-use-url', env: 'TERMS_OF_USE_URL', page: 'TERMS.md' },
] as const;

/** The parseArgs options for the two flags. */
export const URL_OPTIONS = Object.fromEntries(URL_SETTINGS.map((setting) => [setting.flag, { type: 'string' as const }]));

/** The addresses given by flag, or else by environment variable. */
export function publishingUrlsFrom(flags: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv): PublishingUrls {
  const urls: Record<string, string> = {};
  for (const setting of URL_SETTINGS) {
    const flagged = flags[setting.flag];
    const value = (typeof flagged === 'string' ? flagged : env[setting.env] ?? '').trim();
    if (value) urls[setting.field] = value;
  }
  return urls;
}

// Names reserved for examples and tests (RFC 2606, RFC 6761), and addresses no reviewer can reach.
const RESERVED_HOST = /(^|\.)(invalid|example|test|localhost|example\.(com|org|net))$/;
const PRIVATE_HOST = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[::1\]$)/;

/** What is wrong with the addresses: any given must be public https; certifying needs both. */
export function publishingUrlProblems(urls: PublishingUrls, certifying: boolean): string[] {
  const problems: string[] = [];
  for (const setting of URL_SETTINGS) {
    const value = urls[setting.field];
    if (value === undefined) {
      if (certifying) {
        problems.push(`Certification needs the ${setting.page} address: set ${setting.env} or pass --${setting.flag} https://...`);
      }
      continue;
    }
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:') {
      problems.push(`${setting.env} must be an https address where ${setting.page} is published, not "${value}"`);
    } else if (RESERVED_HOST.test(url.hostname) || PRIVATE_HOST.test(url.hostname)) {
      problems.push(`${setting.env} must be a public address, not ${url.hostname}`);
    }
  }
  return problems;
}
