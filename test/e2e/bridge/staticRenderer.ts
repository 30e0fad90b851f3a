// Serves the renderer build (dist/renderer) the way Electron loads it from disk: files with their
// content types, nothing outside the build folder, and index.html with the bridge script placed before
// the app's module script so `window.partnerDesk` exists when the app starts (same origin, so the strict
// CSP's 'self' admits it).
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/contentSecurityPolicy.ts';

export const BRIDGE_SCRIPT_PATH = '/__bridge/api.js';
const BRIDGE_TAG = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** index.html with the bridge script before the first module script (or at the end of <head>). */
export function injectBridgeScript(html: string): string {
  const moduleScript = /<script\b[^>]*\btype=["']?module["']?[^>]*>/i.exec(html);
  if (moduleScript)
    return `${html.slice(0, moduleScript.index)}${BRIDGE_TAG}\n    ${html.slice(moduleScript.index)}`;
  const headEnd = html.search(/<\/head>/i);
  return headEnd >= 0
    ? `${html.slice(0, headEnd)}${BRIDGE_TAG}\n${html.slice(headEnd)}`
    : `${BRIDGE_TAG}\n${html}`;
}

export type StaticLookup =
  | { kind: 'file'; path: string; contentType: string; isIndex: boolean }
  | { kind: 'refused'; status: 400 | 404; message: string };

/**
 * Maps a URL path onto a file of the build. `..` segments (also percent-encoded or with backslashes)
 * are refused outright rather than normalised away, and a resolved path that leaves the folder (a
 * symlink, say) is refused too. Paths without an extension fall back to index.html (client routes).
 */
export function lookupStatic(root: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused', status: 400, message: 'The path is not valid percent-encoding.' };
  }
  if (decoded.includes('\0')) return { kind: 'refused', status: 400, message: 'The path holds a NUL byte.' };
  if (decoded.split(/[\\/]/).includes('..'))
    return { kind: 'refused', status: 400, message: 'The path leaves the renderer folder ("..").' };
  const base = realpathSync(root);
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^[\\/]+/, '');
  let file = resolve(base, relative);
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(decoded) !== '') return { kind: 'refused', status: 404, message: `No file ${decoded}.` };
    file = resolve(base, 'index.html');
  }
  if (!existsSync(file)) return { kind: 'refused', status: 404, message: `No file ${decoded}.` };
  const real = realpathSync(file);
  if (real !== base && !real.startsWith(base + sep))
    return { kind: 'refused', status: 400, message: 'The path leaves the renderer folder.' };
  return {
    kind: 'file',
    path: real,
    contentType: contentTypeFor(real),
    isIndex: real === resolve(base, 'index.html'),
  };
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  if (!existsSync(resolve(root, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The renderer is not built: ${resolve(root)} has no index.html. Run \`npx vite build\` first.`);
    return;
  }
  const found = lookupStatic(root, urlPath);
  if (found.kind === 'refused') {
    res.writeHead(found.status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(found.message);
    return;
  }
  const body = found.isIndex
    ? Buffer.from(injectBridgeScript(readFileSync(found.path, 'utf8')), 'utf8')
    : readFileSync(found.path);
  res.writeHead(200, {
    // The window's own policy as a header too, as the shell sends it: the meta tag alone cannot carry
    // frame-ancestors, and a page the header governs proves the bridge script needs no exception.
    ...(found.isIndex ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    'content-type': found.contentType,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
