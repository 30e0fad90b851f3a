// `npm run build`: the three Electron entry points — main process and engine host (vite.main.config.ts),
// preload (vite.preload.config.ts) into dist-electron/, and the renderer (vite.config.ts) into
// dist/renderer/. `npm start` and `npm run dist` build through this too.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..');

export interface BuildOptions {
  /** Also build the renderer (default true). */
  renderer?: boolean;
  /** Where main, engine host and preload go (default dist-electron; tests use a temp folder). */
  outDir?: string;
  log?: (line: string) => void;
}

export class BuildError extends Error {
  override readonly name = 'BuildError';
}

export async function buildApp(
  options: BuildOptions = {},
): Promise<{ outDir: string; rendererIndex: string | null }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const outDir = resolve(ROOT, options.outDir ?? 'dist-electron');
  rmSync(outDir, { recursive: true, force: true });
  const step = async (what: string, configFile: string, extra: Record<string, unknown> = {}) => {
    log(`Building ${what}…`);
    try {
      await build({ configFile: join(ROOT, configFile), logLevel: 'warn', ...extra });
    } catch (error) {
      throw new BuildError(
        `Building ${what} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  await step('the main process and the sync engine host', 'vite.main.config.ts', { build: { outDir } });
  await step('the preload', 'vite.preload.config.ts', { build: { outDir } });
  checkPreloadIsSelfContained(join(outDir, 'preload.cjs'));

  if (options.renderer === false) return { outDir, rendererIndex: null };
  if (!existsSync(join(ROOT, 'vite.config.ts')))
    throw new BuildError('There is no renderer build yet (vite.config.ts is missing).');
  await step('the renderer', 'vite.config.ts');
  const rendererIndex = join(ROOT, 'dist', 'renderer', 'index.html');
  if (!existsSync(rendererIndex))
    throw new BuildError(
      `The renderer build did not write ${rendererIndex}; the window loads it from there (build.outDir in vite.config.ts must be dist/renderer).`,
    );
  return { outDir, rendererIndex };
}

/** A sandboxed preload can require 'electron' and nothing else we could ship. */
export function checkPreloadIsSelfContained(path: string): void {
  const code = readFileSync(path, 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const others = required.filter((id) => id !== 'electron');
  if (others.length > 0)
    throw new BuildError(
      `The preload requires ${others.join(', ')}, which a sandboxed preload cannot load: bundle it or drop it.`,
    );
  if (/^\s*import\s/m.test(code))
    throw new BuildError('The preload was built as an ES module; it must be CommonJS.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildApp({ renderer: !process.argv.includes('--no-renderer') }).then(
    ({ outDir }) =>
      console.log(
        `Built into ${outDir} and dist/renderer in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
