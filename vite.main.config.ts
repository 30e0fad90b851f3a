// The main process and the engine host (its utility process), bundled for Electron's Node as ES
// modules into dist-electron/: main.js (package.json "main") and engineHost.js. Our TypeScript is
// bundled; npm packages stay external and load from node_modules at runtime (electron-builder ships the
// production dependencies), which keeps keytar's native module and pino's lazy requires working.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const packages = Object.keys(pkg.dependencies ?? {});
const external = (id: string) =>
  id === 'electron' ||
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  packages.some((p) => id === p || id.startsWith(`${p}/`));

export default defineConfig({
  root,
  // No public/ copying, no .env loading: this build is code only.
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    // Electron 45 embeds Node 24 (its typings depend on @types/node 24), the Node the engine is tested on.
    target: 'node24',
    outDir: 'dist-electron',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        main: resolve(root, 'electron/main.ts'),
        engineHost: resolve(root, 'electron/shell/engineHost/engineHostEntry.ts'),
      },
      external,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
