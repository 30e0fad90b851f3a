// The app settings schema (shared/config/appSettings.ts): what is accepted, what is refused and how the
// refusal reads, and how the settings become the engine's.
import { describe, expect, it } from 'vitest';
import {
  AppSettings,
  defaultAppSettings,
  describeSettingsErrors,
  engineSettingsFrom,
  isSecretLookingKey,
} from '../../../shared/config/appSettings.ts';
import { EngineSettings } from '../../../shared/config/engineSettings.ts';

function errorsOf(input: unknown): string[] {
  const r = AppSettings.safeParse(input);
  return r.success ? [] : describeSettingsErrors(r.error);
}

const live = {
  mode: 'live',
  xconnector: { baseUrl: 'https://xc.example.com/api' },
  tradingGrid: { baseUrl: 'https://tg.example.com', clientId: 'desk-client' },
} as const;

describe('app settings: defaults', () => {
  it('starts in demo mode with notifications on, quiet hours off and no start at login', () => {
    const s = defaultAppSettings();
    expect(s.connections.mode).toBe('demo');
    expect(s.notifications.enabled).toBe(true);
    expect(s.notifications.kinds).toEqual({ transaction_failed: true, sla_warning: true, sla_breach: true });
    expect(s.notifications.quietHours).toMatchObject({ enabled: false, start: '22:00', end: '07:00' });
    expect(s.notifications.throttle).toEqual({ windowSeconds: 60, maxPerWindow: 3 });
    expect(s.startAtLogin).toBe(false);
    expect(s.mappings.xconnector.transactionStatus.REJECTED).toBe('rejected');
  });

  it('defaults the quiet-hours time zone to the machine’s own', () => {
    expect(defaultAppSettings().notifications.quietHours.timeZone).toBe(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
  });
});

describe('app settings: secrets are never settings', () => {
  it.each(['clientSecret', 'apiKey', 'api_key', 'password', 'accessToken', 'credentials'])(
    'refuses a "%s" key, saying where secrets belong',
    (key) => {
      expect(errorsOf({ connections: { tradingGrid: { [key]: 'value' } } })).toEqual([
        `connections.tradingGrid.${key}: settings never hold secrets: store it in the system keychain (Settings → Credentials); settings only name the entry`,
      ]);
    },
  );

  it('accepts the names of keychain entries, which are not secrets', () => {
    expect(isSecretLookingKey('clientSecretName')).toBe(false);
    const s = AppSettings.parse({ connections: { tradingGrid: { clientSecretName: 'tg.prod.secret' } } });
    expect(s.connections.tradingGrid.clientSecretName).toBe('tg.prod.secret');
  });

  it('refuses unknown keys anywhere, so a typo is not silently ignored', () => {
    expect(errorsOf({ notifications: { quietHour: {} } })).toEqual([
      'notifications.quietHour: not a known setting (check the spelling)',
    ]);
  });
});

describe('app settings: validation messages name the field', () => {
  it('requires both addresses and the client id in live mode', () => {
    expect(errorsOf({ connections: { mode: 'live' } })).toEqual([
      'connections.xconnector.baseUrl: required to connect in live mode',
      'connections.tradingGrid.baseUrl: required to connect in live mode',
      'connections.tradingGrid.clientId: required to connect in live mode',
    ]);
    expect(errorsOf({ connections: live })).toEqual([]);
  });

  it('accepts only http(s) addresses', () => {
    expect(errorsOf({ connections: { ...live, xconnector: { baseUrl: 'file:///etc/passwd' } } })).toEqual([
      'connections.xconnector.baseUrl: must be an http(s) address, e.g. https://xconnector.example.com',
    ]);
  });

  it('checks quiet hours: HH:MM times, a real IANA zone, and different start and end', () => {
    expect(
      errorsOf({
        notifications: { quietHours: { start: '24:00', end: '7:00', timeZone: 'Mars/Olympus_Mons' } },
      }),
    ).toEqual([
      'notifications.quietHours.start: use 24-hour HH:MM, e.g. 22:00',
      'notifications.quietHours.end: use 24-hour HH:MM, e.g. 22:00',
      'notifications.quietHours.timeZone: not a known IANA time zone, e.g. Europe/Berlin or America/New_York',
    ]);
    expect(
      errorsOf({ notifications: { quietHours: { enabled: true, start: '22:00', end: '22:00' } } }),
    ).toEqual(['notifications.quietHours.end: quiet hours must end at a different time than they start']);
    expect(
      errorsOf({
        notifications: {
          quietHours: { enabled: true, start: '23:30', end: '06:15', timeZone: 'Asia/Kolkata' },
        },
      }),
    ).toEqual([]);
  });

  it('bounds poll intervals and the notification throttle', () => {
    const lines = errorsOf({
      poll: { xconnectorIntervalMs: 100, tradingGridIntervalMs: 1.5 },
      notifications: { throttle: { windowSeconds: 0, maxPerWindow: 500 } },
    });
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'poll.xconnectorIntervalMs',
      'poll.tradingGridIntervalMs',
      'notifications.throttle.windowSeconds',
      'notifications.throttle.maxPerWindow',
    ]);
  });

  it('checks the reused mappings too, with a path into the record', () => {
    expect(errorsOf({ mappings: { xconnector: { transactionStatus: { LOST: 'vanished' } } } })).toEqual([
      expect.stringMatching(/^mappings\.xconnector\.transactionStatus\.LOST: /),
    ]);
  });

  it('checks SLA policies and routing rules with paths into the lists', () => {
    expect(
      errorsOf({
        sla: {
          policies: [
            { id: 'x', calendar: 'nowhere', firstResponseMinutes: 60, resolutionMinutes: 30 },
            { id: 'x', calendar: 'business-hours', firstResponseMinutes: 0, resolutionMinutes: 30 },
          ],
        },
        mappings: { caseSync: { routing: { rules: [{ name: 'No match', route: 'erp' }] } } },
      }),
    ).toEqual([
      'mappings.caseSync.routing.rules[0]: a routing rule needs at least one of caseTypes, partnerIds, keywords or documentTypes',
      'sla.policies[0].resolutionMinutes: the resolution target cannot be shorter than the first-response target',
      'sla.policies[1].firstResponseMinutes: Too small: expected number to be >=1',
      'sla.policies[0].calendar: policy "x" names calendar "nowhere", which is not defined (known: business-hours)',
      'sla.policies[1].id: policy id "x" is used twice',
    ]);
  });

  it('refuses a schema version this build does not write', () => {
    expect(errorsOf({ schemaVersion: 1 })).toEqual([expect.stringMatching(/^schemaVersion: /)]);
  });
});

describe('app settings → engine settings', () => {
  const demo = {
    xconnectorUrl: 'http://127.0.0.1:4001',
    tradingGridUrl: 'http://127.0.0.1:4002',
    tradingGridClientId: 'partner-desk-demo',
  };

  it('points the engine at the running simulators in demo mode', () => {
    const engine = EngineSettings.parse(engineSettingsFrom(defaultAppSettings(), demo));
    expect(engine.xconnector.baseUrl).toBe(demo.xconnectorUrl);
    expect(engine.tradingGrid).toMatchObject({ baseUrl: demo.tradingGridUrl, clientId: 'partner-desk-demo' });
    expect(engine.xconnector.apiKeySecret).toBe('xconnector.apiKey');
    expect(engine.tradingGrid.clientSecretSecret).toBe('tradingGrid.clientSecret');
  });

  it('uses the configured systems, secret names, poll intervals and mappings in live mode', () => {
    const settings = AppSettings.parse({
      connections: {
        ...live,
        xconnector: { ...live.xconnector, apiKeySecretName: 'xc.prod.key' },
        tradingGrid: { ...live.tradingGrid, clientSecretName: 'tg.prod.secret' },
      },
      poll: { xconnectorIntervalMs: 5000, tradingGridIntervalMs: 30_000 },
      mappings: { xconnector: { transactionStatus: { KO: 'failed' } } },
    });
    const engine = EngineSettings.parse(engineSettingsFrom(settings, demo));
    expect(engine.xconnector).toMatchObject({
      baseUrl: 'https://xc.example.com/api',
      apiKeySecret: 'xc.prod.key',
    });
    expect(engine.tradingGrid).toMatchObject({
      clientId: 'desk-client',
      clientSecretSecret: 'tg.prod.secret',
    });
    expect(engine.poll).toMatchObject({ xconnectorIntervalMs: 5000, tradingGridIntervalMs: 30_000 });
    expect(engine.mappings.xconnector.transactionStatus).toEqual({ KO: 'failed' });
  });

  it('carries SLA policies, case sync (ownership, status mapping, routing rules) and document limits', () => {
    const settings = AppSettings.parse({
      mappings: {
        caseSync: {
          fieldOwners: { status: 'trading-grid' },
          statusToPartner: { SHIPPED: { status: 'RESOLVED', message: 'Your goods are on their way.' } },
          routing: {
            rules: [{ name: 'ACME to ERP', route: 'erp', partnerIds: ['P-ACME'] }],
            defaultRoute: 'order-management',
          },
        },
      },
      sla: {
        warningShare: 0.6,
        policies: [
          { id: 'all', calendar: 'business-hours', firstResponseMinutes: 30, resolutionMinutes: 90 },
        ],
      },
      documents: { maxFilesPerUpload: 20, assumedPolicy: { maxBytes: 10_000_000 } },
    });
    const engine = EngineSettings.parse(engineSettingsFrom(settings, demo));
    expect(engine.mappings.caseSync.fieldOwners.status).toBe('trading-grid');
    expect(engine.mappings.caseSync.statusToPartner).toEqual({
      SHIPPED: { status: 'RESOLVED', message: 'Your goods are on their way.' },
    });
    expect(engine.mappings.caseSync.routing).toEqual({
      rules: [{ name: 'ACME to ERP', route: 'erp', partnerIds: ['P-ACME'] }],
      defaultRoute: 'order-management',
    });
    expect(engine.sla.warningShare).toBe(0.6);
    expect(engine.sla.policies).toEqual([
      { id: 'all', match: {}, calendar: 'business-hours', firstResponseMinutes: 30, resolutionMinutes: 90 },
    ]);
    expect(engine.documents.maxFilesPerUpload).toBe(20);
    expect(engine.documents.assumedPolicy.maxBytes).toBe(10_000_000);
  });

  it('gives the engine the same SLA and document defaults it has without app settings', () => {
    const engine = EngineSettings.parse(engineSettingsFrom(defaultAppSettings(), demo));
    const bare = EngineSettings.parse({
      xconnector: { baseUrl: demo.xconnectorUrl },
      tradingGrid: { baseUrl: demo.tradingGridUrl, clientId: demo.tradingGridClientId },
    });
    expect(engine.sla).toEqual(bare.sla);
    expect(engine.documents).toEqual(bare.documents);
    expect(engine.mappings).toEqual(bare.mappings);
  });

  it('refuses demo mode without the simulators’ addresses (a wiring mistake, not a user error)', () => {
    expect(() => engineSettingsFrom(defaultAppSettings())).toThrow(/running simulators/);
  });
});
