// The window's Content-Security-Policy, declared once. The main process sends it as a response header
// (dev server) and the renderer's index.html carries it in a meta tag (file:// has no headers), so both
// must come from this string. Pure: no imports, usable from Vite configs, the shell and tests.
//
// No 'unsafe-inline' anywhere: React writes styles through the CSSOM (element.style), which CSP does not
// govern, and the renderer ships its CSS as files.
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

export const CONTENT_SECURITY_POLICY: string = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * The same policy for index.html's meta tag: without frame-ancestors, which browsers ignore (with a
 * console warning) in a meta tag; the response header carries it.
 */
export const CONTENT_SECURITY_POLICY_FOR_META: string = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .filter(([directive]) => directive !== 'frame-ancestors')
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
