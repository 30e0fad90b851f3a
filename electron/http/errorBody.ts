// What a remote system said about a refused request, pulled from its error body so the message a person
// reads carries the server's own reason and code. Only a sanitised, bounded part is ever kept.
import { sanitizeSnippet } from './sanitize.ts';

/** Detail and code from an error body: RFC 7807 problem details, OAuth2 errors, or `{ message, code }`. */
export function errorBodyInfo(text: string): { detail?: string; remoteCode?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const o = parsed as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const code = str(o.error) ?? str(o.code) ?? str(o.type);
  const detail = str(o.detail) ?? str(o.error_description) ?? str(o.message) ?? str(o.title);
  return {
    ...(detail !== undefined ? { detail: sanitizeSnippet(detail, 300) } : {}),
    ...(code !== undefined ? { remoteCode: sanitizeSnippet(code, 64) } : {}),
  };
}
