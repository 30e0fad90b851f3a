// The renderer build: an ordinary Vite React app under renderer/, written to dist/renderer. `base: './'`
// makes every asset URL relative, so Electron can load the page from file:// and the e2e bridge can
// serve the same files from any path.
import { isAbsolute, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_FOR_META } from './shared/ipc/contentSecurityPolicy.ts';

const repoRoot = import.meta.dirname;

/**
 * Vite resolves a relative `--outDir` against its root (renderer/), so `vite build --outDir dist/x`
 * run from the repository would land in renderer/dist/x. Everyone runs it from the repository, so a
 * relative outDir is taken relative to the repository instead.
 */
function outDirFromRepoRoot(): Plugin {
  return {
    name: 'partner-desk:out-dir-from-repo-root',
    config(config) {
      const outDir = config.build?.outDir;
      if (outDir && !isAbsolute(outDir)) return { build: { outDir: resolve(repoRoot, outDir) } };
      return undefined;
    },
  };
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

/**
 * index.html carries the policy literally (readable, and checked by the shell's CSP test); the build
 * writes the shared policy string into it, so the page can never ship a policy that drifted.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'partner-desk:csp-meta',
    transformIndexHtml(html) {
      if (!CSP_META.test(html))
        throw new Error('renderer/index.html must carry the Content-Security-Policy meta tag');
      return html.replace(CSP_META, `$1${CONTENT_SECURITY_POLICY_FOR_META}$2`);
    },
  };
}

export default defineConfig({
  root: resolve(repoRoot, 'renderer'),
  base: './',
  plugins: [outDirFromRepoRoot(), contentSecurityPolicyMeta(), react()],
  build: {
    outDir: resolve(repoRoot, 'dist/renderer'),
    emptyOutDir: true,
    // Strict CSP (script-src 'self'): no inline scripts, no eval, nothing inlined as data: URLs.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: { fs: { allow: [repoRoot] } },
});
