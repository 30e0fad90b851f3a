// The window's preload, bundled into ONE self-contained CommonJS file, dist-electron/preload.cjs: a
// sandboxed preload runs as a classic script whose `require` knows only 'electron' and a few built-ins,
// so nothing may be left to load from node_modules or from another chunk.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  build: {
    // Runs in Electron 45's renderer; any recent Chromium reads this syntax as is.
    target: 'chrome140',
    outDir: 'dist-electron',
    emptyOutDir: false,
    sourcemap: 'inline',
    minify: false,
    reportCompressedSize: false,
    lib: {
      entry: resolve(root, 'electron/preload.ts'),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
      output: { codeSplitting: false },
    },
  },
});
