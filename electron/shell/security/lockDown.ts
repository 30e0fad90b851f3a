// Installs the security decisions (each made, and tested, in its own module) on Electron's objects:
// the CSP header and the permission refusals on the session, and on every web contents the app ever
// creates, the navigation lock, the refusal of new windows and of <webview>.
import type { App, Session } from 'electron';
import { withContentSecurityPolicy } from './cspHeaders.ts';
import { decidePermissionCheck, decidePermissionRequest } from './permissions.ts';
import { decideNavigation, decideWindowOpen, type NavigationDecision } from './navigationGuard.ts';
import type { ExternalLinkPolicy } from './externalLinks.ts';
import type { RendererLocation } from '../window/rendererLocation.ts';

export function lockDownSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermissionRequest(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => decidePermissionCheck(permission));
}

export interface NavigationLockOptions {
  renderer: RendererLocation;
  links(): ExternalLinkPolicy;
  openExternal(url: string): Promise<void>;
  onRefused?(what: string, url: string, reason: string): void;
}

export function lockDownNavigation(app: App, options: NavigationLockOptions): void {
  const act = (what: string, url: string, decision: NavigationDecision, prevent: () => void) => {
    if (decision.action === 'allow') return;
    prevent();
    if (decision.openExternally) void options.openExternal(decision.openExternally).catch(() => {});
    else options.onRefused?.(what, url, decision.reason);
  };

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      act('window.open', url, decideWindowOpen(url, options.links()), () => {});
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) =>
      act('navigation', event.url, decideNavigation(event.url, options.renderer, options.links()), () =>
        event.preventDefault(),
      ),
    );
    // A redirect or a subframe is never a link the person clicked: refused, not opened elsewhere.
    contents.on('will-redirect', (event) => {
      const d = decideNavigation(event.url, options.renderer, options.links());
      if (d.action === 'deny')
        act('redirect', event.url, { ...d, openExternally: null }, () => event.preventDefault());
    });
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame) return;
      act(
        'subframe navigation',
        event.url,
        { action: 'deny', openExternally: null, reason: 'the window has no frames' },
        () => event.preventDefault(),
      );
    });
  });
}
