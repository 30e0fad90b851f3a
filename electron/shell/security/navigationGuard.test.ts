import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen } from './navigationGuard.ts';
import { parseExternalLinkPolicy } from './externalLinks.ts';
import { rendererLocation } from '../window/rendererLocation.ts';

const ours = rendererLocation({ appPath: '/app', isPackaged: true });
const links = parseExternalLinkPolicy({ allowedOrigins: ['https://*.opentext.com'] });

describe('security: navigation is locked to our own page', () => {
  it('lets the page reload itself or change its route', () => {
    expect(decideNavigation('file:///app/dist/renderer/index.html', ours, links)).toEqual({
      action: 'allow',
    });
    expect(decideNavigation('file:///app/dist/renderer/index.html#/failed', ours, links)).toEqual({
      action: 'allow',
    });
  });

  it('refuses navigating the window to any other page', () => {
    for (const url of ['https://evil.example.com/', 'file:///etc/passwd', 'data:text/html,x', 'about:blank'])
      expect(decideNavigation(url, ours, links), url).toMatchObject({ action: 'deny', openExternally: null });
  });

  it('sends a link to an allowed site to the system browser instead of the window', () => {
    expect(decideNavigation('https://support.opentext.com/x', ours, links)).toMatchObject({
      action: 'deny',
      openExternally: 'https://support.opentext.com/x',
    });
  });
});

describe('security: no new windows', () => {
  it('refuses every window.open, opening allowed https links in the browser', () => {
    expect(decideWindowOpen('https://support.opentext.com/kb', links)).toMatchObject({
      action: 'deny',
      openExternally: 'https://support.opentext.com/kb',
    });
    expect(decideWindowOpen('file:///app/dist/renderer/index.html', links)).toMatchObject({
      action: 'deny',
      openExternally: null,
    });
    expect(decideWindowOpen('https://evil.example.com/', links)).toMatchObject({
      action: 'deny',
      openExternally: null,
    });
  });
});
