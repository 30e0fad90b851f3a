// Which links may leave the app for the system browser (shell.openExternal). Only https addresses of
// allowed origins: opening an arbitrary URL hands it to whatever program the OS associates with its
// scheme (file:, smb:, custom protocol handlers), which is how a crafted link becomes code execution.
import { z } from 'zod';

/** `https://host[:port]` or `https://*.domain` (any subdomain of domain, not the domain itself). */
const OriginPattern = z
  .string()
  .max(300)
  .regex(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/, {
    error: 'must be an https origin such as https://example.com or https://*.example.com',
  });

export const ExternalLinkPolicy = z.strictObject({
  allowedOrigins: z
    .array(OriginPattern)
    .max(200)
    .default(['https://www.opentext.com', 'https://*.opentext.com']),
});
export type ExternalLinkPolicy = z.infer<typeof ExternalLinkPolicy>;
export type ExternalLinkPolicyInput = z.input<typeof ExternalLinkPolicy>;

export function parseExternalLinkPolicy(input: unknown): ExternalLinkPolicy {
  const parsed = ExternalLinkPolicy.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new TypeError(`The external link policy is not valid: ${problems.join('; ')}`);
}

export type LinkDecision = { ok: true; url: string } | { ok: false; reason: string };

const MAX_URL_LENGTH = 2048;

export function checkExternalLink(raw: string, policy: ExternalLinkPolicy): LinkDecision {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH)
    return { ok: false, reason: `Links longer than ${MAX_URL_LENGTH} characters are not opened.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'This is not a web address, so it is not opened.' };
  }
  if (url.protocol !== 'https:')
    return { ok: false, reason: `Only https links are opened in the browser, not ${url.protocol} links.` };
  if (url.username || url.password)
    return { ok: false, reason: 'Links that carry a user name or password are not opened.' };
  if (!policy.allowedOrigins.some((pattern) => originMatches(url, pattern)))
    return {
      ok: false,
      reason: `${url.host} is not on the list of sites Partner Desk opens; copy the link if you trust it.`,
    };
  return { ok: true, url: url.href };
}

function originMatches(url: URL, pattern: string): boolean {
  const p = new URL(pattern.replace('*.', 'wildcard.'));
  if (p.port !== url.port) return false;
  if (!pattern.includes('*.')) return url.hostname === p.hostname;
  const domain = p.hostname.slice('wildcard.'.length);
  return url.hostname.endsWith(`.${domain}`);
}

/**
 * The policy in force: the configured origins plus the https address of each live connection, so a
 * link to a case in Trading Grid's own web pages opens in the browser.
 */
export function withConnectionOrigins(
  policy: ExternalLinkPolicy,
  baseUrls: (string | null)[],
): ExternalLinkPolicy {
  const origins = baseUrls.flatMap((raw) => {
    if (!raw) return [];
    try {
      const url = new URL(raw);
      return url.protocol === 'https:' ? [url.origin] : [];
    } catch {
      return [];
    }
  });
  return { allowedOrigins: [...new Set([...policy.allowedOrigins, ...origins])] };
}
