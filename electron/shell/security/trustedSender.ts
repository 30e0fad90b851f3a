// Is a URL our own page? Asked of the frame that sent an IPC call (before any handler runs) and of every
// navigation. A frame showing anything else (an injected iframe, a page navigated to by an exploit, an
// error page) gets no answer from the main process.
import type { RendererLocation } from '../window/rendererLocation.ts';

export function isTrustedSender(frameUrl: string | null | undefined, expected: RendererLocation): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (expected.kind === 'dev') return url.origin === expected.origin;
  // file: URLs have an opaque origin; the page is ours when it is exactly our index.html (the query and
  // the hash are the renderer's own routing state).
  const ours = new URL(expected.indexUrl);
  return url.protocol === 'file:' && url.host === ours.host && drive(url.pathname) === drive(ours.pathname);
}

/** Chromium and Node may spell a Windows drive letter in different cases (file:///c:/ vs file:///C:/). */
function drive(pathname: string): string {
  return pathname.replace(/^\/([a-z]):/, (_m, letter: string) => `/${letter.toUpperCase()}:`);
}
