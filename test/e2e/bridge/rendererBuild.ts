// Builds the renderer with the project's own vite.config.ts into a private temporary folder. The e2e run
// serves that copy, so a developer's `vite build` (which empties dist/renderer) or a second test run in
// the same tree can never swap or delete the files under a running test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VITE_CONFIG = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));

export interface RendererBuild {
  dir: string;
  remove(): void;
}

export async function buildRendererPrivately(): Promise<RendererBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'pd-e2e-renderer-'));
  const { build } = await import('vite');
  try {
    await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
