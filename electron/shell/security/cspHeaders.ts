// The Content-Security-Policy header added to every response the window's session receives
// (session.webRequest.onHeadersReceived). A server's own CSP header, in any letter case, is replaced
// rather than merged: two policies would both apply, and ours must be the one that decides.
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/contentSecurityPolicy.ts';

export type ResponseHeaders = Record<string, string | string[]>;

const CSP_HEADERS = new Set(['content-security-policy', 'content-security-policy-report-only']);

export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (CSP_HEADERS.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
