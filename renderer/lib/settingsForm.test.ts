import { describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../shared/config/appSettings.ts';
import {
  errorsAt,
  fieldErrorsFromLines,
  formFromSettings,
  parseLoadedSettings,
  PATHS,
  settingsFromForm,
  unplacedErrors,
} from './settingsForm.ts';

const form = () => formFromSettings(defaultAppSettings());

describe('the settings form', () => {
  it('turns untouched defaults back into the same settings', () => {
    const { settings, errors } = settingsFromForm(form());
    expect(errors).toEqual({});
    expect(settings).toEqual(defaultAppSettings());
  });

  it('shows poll intervals in seconds and stores them in milliseconds', () => {
    const f = { ...form(), xconnectorPollSeconds: '2.5' };
    expect(form().xconnectorPollSeconds).toBe('15');
    const { settings, errors } = settingsFromForm(f);
    expect(errors).toEqual({});
    expect(settings.poll?.xconnectorIntervalMs).toBe(2500);
  });

  it('explains an out-of-range or non-numeric poll interval in seconds, at the field', () => {
    const { errors } = settingsFromForm({
      ...form(),
      xconnectorPollSeconds: '0.1',
      tradingGridPollSeconds: 'soon',
    });
    expect(errorsAt(errors, PATHS.xconnectorPoll)).toEqual(['enter seconds between 0.25 and 3600']);
    expect(errorsAt(errors, PATHS.tradingGridPoll)).toEqual(['"soon" is not a number']);
  });

  it('requires both addresses and the client id in live mode, with the schema’s own messages', () => {
    const { errors } = settingsFromForm({ ...form(), mode: 'live' });
    expect(errorsAt(errors, PATHS.xconnectorUrl)).toEqual(['required to connect in live mode']);
    expect(errorsAt(errors, PATHS.tradingGridUrl)).toEqual(['required to connect in live mode']);
    expect(errorsAt(errors, PATHS.tradingGridClientId)).toEqual(['required to connect in live mode']);
  });

  it('refuses an address that is not http(s)', () => {
    const { errors } = settingsFromForm({ ...form(), xconnectorUrl: 'ftp://x.example' });
    expect(errorsAt(errors, PATHS.xconnectorUrl)[0]).toMatch(/http\(s\) address/);
  });

  it('refuses a status word mapped twice or left empty', () => {
    const rows = form().statusRows;
    const { errors } = settingsFromForm({
      ...form(),
      statusRows: [
        ...rows,
        { id: 99, word: 'SENT', status: 'failed' },
        { id: 100, word: '  ', status: 'pending' },
      ],
    });
    expect(errorsAt(errors, PATHS.statusMapping)).toEqual([
      '"SENT" is mapped twice: keep one row for it',
      'every row needs an xConnector status word (or remove the row)',
    ]);
  });

  it('maps a new status word to its normalised status', () => {
    const f = form();
    const { settings, errors } = settingsFromForm({
      ...f,
      statusRows: [...f.statusRows, { id: 99, word: 'ON_HOLD', status: 'pending' }],
    });
    expect(errors).toEqual({});
    expect(settings.mappings?.xconnector?.transactionStatus?.ON_HOLD).toBe('pending');
  });

  it('refuses quiet hours that end when they start, and an unknown time zone', () => {
    const { errors } = settingsFromForm({
      ...form(),
      quietEnabled: true,
      quietStart: '22:00',
      quietEnd: '22:00',
      quietTimeZone: 'Mars/Olympus',
    });
    expect(errorsAt(errors, PATHS.quietEnd)).toEqual([
      'quiet hours must end at a different time than they start',
    ]);
    expect(errorsAt(errors, PATHS.quietTimeZone)[0]).toMatch(/IANA time zone/);
  });

  it('places the app’s "path: message" errors at their fields and keeps the rest for the summary', () => {
    const errors = fieldErrorsFromLines([
      'poll.xconnectorIntervalMs: Too small: expected number to be >=250',
      'connections.tradingGrid.clientSecret: settings never hold secrets: store it in the system keychain',
      'the settings file is read-only',
    ]);
    expect(errorsAt(errors, PATHS.xconnectorPoll)).toEqual(['Too small: expected number to be >=250']);
    expect(unplacedErrors(errors)).toEqual([
      'connections.tradingGrid.clientSecret: settings never hold secrets: store it in the system keychain',
      'the settings file is read-only',
    ]);
  });

  it('reads settings from an older or unknown shape as a list of problems, not a crash', () => {
    expect(parseLoadedSettings(undefined).ok).toBe(true);
    const parsed = parseLoadedSettings({ connections: { xconnector: { apiKey: 'hunter2' } } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(/never hold secrets/);
  });
});
