// What happens when the page tries to go somewhere: it may reload itself, nothing else. A link to an
// allowed site opens in the system browser instead; every new window is refused.
import { checkExternalLink, type ExternalLinkPolicy } from './externalLinks.ts';
import { isTrustedSender } from './trustedSender.ts';
import type { RendererLocation } from '../window/rendererLocation.ts';

export type NavigationDecision =
  { action: 'allow' } | { action: 'deny'; openExternally: string | null; reason: string };

/** For will-navigate / will-redirect / will-frame-navigate of the main window. */
export function decideNavigation(
  targetUrl: string,
  ours: RendererLocation,
  links: ExternalLinkPolicy,
): NavigationDecision {
  if (isTrustedSender(targetUrl, ours)) return { action: 'allow' };
  return refuse(targetUrl, links);
}

/** For setWindowOpenHandler: the app never opens a second window. */
export function decideWindowOpen(targetUrl: string, links: ExternalLinkPolicy): NavigationDecision {
  return refuse(targetUrl, links);
}

function refuse(targetUrl: string, links: ExternalLinkPolicy): NavigationDecision {
  const link = checkExternalLink(targetUrl, links);
  return link.ok
    ? { action: 'deny', openExternally: link.url, reason: 'opened in the system browser' }
    : { action: 'deny', openExternally: null, reason: link.reason };
}
