import { describe, expect, it } from 'vitest';
import { checkExternalLink, parseExternalLinkPolicy, withConnectionOrigins } from './externalLinks.ts';

const policy = parseExternalLinkPolicy({
  allowedOrigins: [
    'https://tradinggrid.example.com',
    'https://*.opentext.com',
    'https://docs.example.org:8443',
  ],
});

describe('security: external links go through an allow-list', () => {
  it('opens https links of allowed origins, normalised', () => {
    expect(checkExternalLink('https://tradinggrid.example.com/cases/TG-1?tab=docs', policy)).toEqual({
      ok: true,
      url: 'https://tradinggrid.example.com/cases/TG-1?tab=docs',
    });
    expect(checkExternalLink('https://support.opentext.com/kb/1', policy).ok).toBe(true);
    expect(checkExternalLink('https://A.B.OPENTEXT.COM/', policy)).toEqual({
      ok: true,
      url: 'https://a.b.opentext.com/',
    });
    expect(checkExternalLink('https://docs.example.org:8443/x', policy).ok).toBe(true);
  });

  it('refuses hosts that only look like allowed ones', () => {
    for (const url of [
      'https://tradinggrid.example.com.evil.com/',
      'https://eviltradinggrid.example.com/',
      'https://opentext.com.evil.com/',
      'https://evil.com/#.opentext.com',
      'https://evil.com/?https://tradinggrid.example.com',
      'https://opentext.com/', // *.opentext.com means subdomains only
      'https://docs.example.org/x', // the allowed origin has a port
      'https://tradinggrid.example.com:444/',
    ])
      expect(checkExternalLink(url, policy).ok, url).toBe(false);
  });

  it('refuses every scheme but https, saying so', () => {
    for (const url of [
      'http://tradinggrid.example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://share/x',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:desk@example.com',
    ]) {
      const d = checkExternalLink(url, policy);
      expect(d, url).toMatchObject({ ok: false, reason: expect.stringMatching(/Only https links/) });
    }
  });

  it('refuses links carrying credentials, overlong links and non-URLs', () => {
    expect(checkExternalLink('https://user:pw@tradinggrid.example.com/', policy)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/user name or password/),
    });
    expect(checkExternalLink(`https://tradinggrid.example.com/${'a'.repeat(3000)}`, policy).ok).toBe(false);
    expect(checkExternalLink('not a link', policy).ok).toBe(false);
  });

  it('names the host that is not allowed', () => {
    expect(checkExternalLink('https://unknown.example.net/page', policy)).toEqual({
      ok: false,
      reason:
        'unknown.example.net is not on the list of sites Partner Desk opens; copy the link if you trust it.',
    });
  });
});

describe('security: the external link policy is configuration, validated on load', () => {
  it('defaults to the OpenText sites', () => {
    expect(parseExternalLinkPolicy({}).allowedOrigins).toEqual([
      'https://www.opentext.com',
      'https://*.opentext.com',
    ]);
    expect(
      checkExternalLink('https://www.opentext.com/products', parseExternalLinkPolicy(undefined)).ok,
    ).toBe(true);
  });

  it('refuses patterns that are not https origins, naming the entry', () => {
    expect(() => parseExternalLinkPolicy({ allowedOrigins: ['http://example.com'] })).toThrow(
      /allowedOrigins\.0: must be an https origin/,
    );
    expect(() => parseExternalLinkPolicy({ allowedOrigins: ['https://*'] })).toThrow(/allowedOrigins\.0/);
    expect(() => parseExternalLinkPolicy({ allowedOrigins: ['https://example.com/path'] })).toThrow(
      /allowedOrigins\.0/,
    );
    expect(() => parseExternalLinkPolicy({ allowOrigins: [] })).toThrow(/not valid/);
  });
});

describe('security: links to the connected systems', () => {
  it('adds the https address of each live connection to the allowed origins', () => {
    const p = withConnectionOrigins(parseExternalLinkPolicy({ allowedOrigins: [] }), [
      'https://grid.example.com/api/v1',
      'http://xconnector.internal:8080',
      null,
      'not a url',
    ]);
    expect(p.allowedOrigins).toEqual(['https://grid.example.com']);
    expect(checkExternalLink('https://grid.example.com/cases/1', p).ok).toBe(true);
    expect(checkExternalLink('https://xconnector.internal:8080/', p).ok).toBe(false);
  });
});
