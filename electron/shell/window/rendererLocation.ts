// Where the window's page comes from: the built renderer on disk (always, in a packaged app) or, during
// development only, a local Vite server. Everything that decides "is this our page?" (the IPC sender
// check, the navigation guard) is judged against this one value.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type RendererLocation =
  { kind: 'file'; indexPath: string; indexUrl: string } | { kind: 'dev'; url: string; origin: string };

/** The renderer's build output inside the app folder (vite build.outDir of the renderer config). */
export const RENDERER_INDEX = join('dist', 'renderer', 'index.html');

export interface RendererLocationInput {
  appPath: string;
  isPackaged: boolean;
  /** PD_RENDERER_URL: a Vite server on this machine, honoured only in an unpackaged (development) run. */
  devServerUrl?: string | undefined;
}

export function rendererLocation(input: RendererLocationInput): RendererLocation {
  const dev = input.isPackaged ? null : localDevServer(input.devServerUrl);
  if (dev) return { kind: 'dev', url: dev.href, origin: dev.origin };
  const indexPath = join(input.appPath, RENDERER_INDEX);
  return { kind: 'file', indexPath, indexUrl: pathToFileURL(indexPath).href };
}

/** Only http on the loopback interface: a dev URL must never turn the window into a browser. */
function localDevServer(raw: string | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`PD_RENDERER_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    throw new TypeError(
      `PD_RENDERER_URL must be a local http address such as http://localhost:5173, got ${url.href}`,
    );
  return url;
}
