import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './windowOptions.ts';

const options = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', devTools: false });
const web = options.webPreferences ?? {};

describe('security: the main window', () => {
  it('isolates the page from the preload and sandboxes it', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
  });

  it('gives the page no Node, in workers and subframes neither', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on: same-origin policy, no insecure content, no <webview>, no experiments', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads our preload and nothing else into the page', () => {
    expect(web.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('does not navigate to a file dropped outside the drop zone', () => {
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('offers DevTools only when asked (development builds)', () => {
    expect(web.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('starts hidden, to be shown when painted (or stay in the tray when started at login)', () => {
    expect(options.show).toBe(false);
  });
});
