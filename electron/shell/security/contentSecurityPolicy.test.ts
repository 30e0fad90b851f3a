import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_FOR_META,
} from '../../../shared/ipc/contentSecurityPolicy.ts';
import { withContentSecurityPolicy } from './cspHeaders.ts';

const parse = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...sources] = d.split(/\s+/);
        return [name, sources] as const;
      }),
  );
const directives = () => parse(CONTENT_SECURITY_POLICY);
const indexHtml = fileURLToPath(new URL('../../../renderer/index.html', import.meta.url));

describe('security: the Content-Security-Policy', () => {
  it('denies everything by default and allows only our own scripts, styles, fonts and connections', () => {
    const d = directives();
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('font-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('locks base URIs, forms, framing and plugins', () => {
    const d = directives();
    for (const name of ['base-uri', 'form-action', 'frame-ancestors', 'object-src'])
      expect(d.get(name), name).toEqual(["'none'"]);
  });

  it('never allows inline code, eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|blob:/);
  });

  it('gives the meta tag the same policy without frame-ancestors, which a meta tag cannot carry', () => {
    const meta = parse(CONTENT_SECURITY_POLICY_FOR_META);
    const header = directives();
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it.runIf(existsSync(indexHtml))(
    "is the policy of the renderer's index.html (file:// pages get no headers)",
    () => {
      const html = readFileSync(indexHtml, 'utf8');
      const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(content, 'renderer/index.html has a CSP meta tag').toBeDefined();
      expect(parse(content ?? '')).toEqual(parse(CONTENT_SECURITY_POLICY_FOR_META));
    },
  );
});

describe('security: the CSP response header', () => {
  it('adds the policy to a response that has none, keeping the other headers', () => {
    expect(withContentSecurityPolicy({ 'Content-Type': ['text/html'], 'X-Thing': 'one' })).toEqual({
      'Content-Type': ['text/html'],
      'X-Thing': ['one'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it("replaces a server's own policy in any letter case, including a report-only one", () => {
    const out = withContentSecurityPolicy({
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'CONTENT-SECURITY-POLICY-REPORT-ONLY': ['default-src *'],
    });
    expect(out).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('copes with a response without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
