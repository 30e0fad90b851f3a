// Turning remote text into something safe to show a person or write to a log: bounded, single-line,
// free of control characters, and with anything that looks like a credential blanked out.

const SECRET_FIELD =
  /("?(?:access_token|refresh_token|id_token|token|client_secret|secret|password|passwd|api[_-]?key|x-api-key|authorization)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,&}]+)/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Blanks credential-looking values (`"access_token":"…"`, `client_secret=…`, `Bearer …`). */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_FIELD, '$1"[redacted]"').replace(BEARER, '$1 [redacted]');
}

/** A bounded, printable, redacted excerpt of remote text. */
export function sanitizeSnippet(text: string, max = 200): string {
  // Look at a little more than `max` so a secret straddling the cut is still recognised and redacted.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const clean = redactSecrets(head).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
