// The Settings screen's form: what a person can type (strings in number fields, rows in the status
// mapping table) and how it becomes an AppSettings object. Validation is the shared schema's own, the
// same the main process applies, so the window never accepts what the engine would refuse; errors are
// keyed by the setting's path (`poll.xconnectorIntervalMs`) so each lands next to its field.
import {
  AppSettings,
  describeSettingsErrors,
  type AppSettingsInput,
} from '../../shared/config/appSettings.ts';
import { TransactionStatus } from '../../shared/domain/transaction.ts';
import { addError, readNumber, readWhole } from '../settings/formText.ts';
import type { FieldErrors } from '../settings/formText.ts';
import { routingFormFrom, routingFromForm, ROUTING_PATH, type RoutingForm } from '../settings/routingForm.ts';
import { slaFormFrom, slaFromForm, SLA_PATH, type SlaForm } from '../settings/slaForm.ts';
import {
  documentsFormFrom,
  documentsFromForm,
  DOCUMENTS_PATH,
  type DocumentsForm,
} from '../settings/documentsForm.ts';

export type NormalisedStatus = (typeof TransactionStatus.options)[number];
export const NORMALISED_STATUSES: readonly NormalisedStatus[] = TransactionStatus.options;

export interface StatusMappingRow {
  /** Stable React key: rows can be renamed, so the word itself cannot be the key. */
  id: number;
  word: string;
  status: NormalisedStatus;
}

export interface SettingsForm {
  /** The settings as loaded: everything the form does not edit (field renames, secret names…) is kept. */
  base: AppSettings;
  mode: 'demo' | 'live';
  xconnectorUrl: string;
  tradingGridUrl: string;
  tradingGridClientId: string;
  xconnectorPollSeconds: string;
  tradingGridPollSeconds: string;
  statusRows: StatusMappingRow[];
  /** Flow 5: where partner messages go (the routing-rules editor). */
  routing: RoutingForm;
  /** Flow 8: calendars, policies and the escalation ladder (the SLA editor). */
  sla: SlaForm;
  /** Flow 2: document limits and file types (the documents editor). */
  documents: DocumentsForm;
  notificationsEnabled: boolean;
  notifyTransactionFailed: boolean;
  notifySlaWarning: boolean;
  notifySlaBreach: boolean;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  quietTimeZone: string;
  throttleWindowSeconds: string;
  throttleMaxPerWindow: string;
  startAtLogin: boolean;
}

export type { FieldErrors } from '../settings/formText.ts';

export const PATHS = {
  xconnectorUrl: 'connections.xconnector.baseUrl',
  tradingGridUrl: 'connections.tradingGrid.baseUrl',
  tradingGridClientId: 'connections.tradingGrid.clientId',
  xconnectorPoll: 'poll.xconnectorIntervalMs',
  tradingGridPoll: 'poll.tradingGridIntervalMs',
  statusMapping: 'mappings.xconnector.transactionStatus',
  quietStart: 'notifications.quietHours.start',
  quietEnd: 'notifications.quietHours.end',
  quietTimeZone: 'notifications.quietHours.timeZone',
  throttleWindow: 'notifications.throttle.windowSeconds',
  throttleMax: 'notifications.throttle.maxPerWindow',
  /** The routing, SLA and documents editors place their own errors, field by field (…Form.ts). */
  routing: ROUTING_PATH,
  sla: SLA_PATH,
  documents: DOCUMENTS_PATH,
} as const;

const POLL_MIN_S = 0.25;
const POLL_MAX_S = 3600;

/** Reads whatever `settings:get` returned; null when it is not a settings object this window understands. */
export function parseLoadedSettings(
  value: unknown,
): { ok: true; settings: AppSettings } | { ok: false; errors: string[] } {
  const parsed = AppSettings.safeParse(value ?? {});
  return parsed.success
    ? { ok: true, settings: parsed.data }
    : { ok: false, errors: describeSettingsErrors(parsed.error) };
}

export function formFromSettings(s: AppSettings): SettingsForm {
  let nextId = 0;
  return {
    base: s,
    mode: s.connections.mode,
    xconnectorUrl: s.connections.xconnector.baseUrl ?? '',
    tradingGridUrl: s.connections.tradingGrid.baseUrl ?? '',
    tradingGridClientId: s.connections.tradingGrid.clientId ?? '',
    xconnectorPollSeconds: String(s.poll.xconnectorIntervalMs / 1000),
    tradingGridPollSeconds: String(s.poll.tradingGridIntervalMs / 1000),
    statusRows: Object.entries(s.mappings.xconnector.transactionStatus).map(([word, status]) => ({
      id: nextId++,
      word,
      status,
    })),
    routing: routingFormFrom(s.mappings.caseSync.routing),
    sla: slaFormFrom(s.sla),
    documents: documentsFormFrom(s.documents),
    notificationsEnabled: s.notifications.enabled,
    notifyTransactionFailed: s.notifications.kinds.transaction_failed,
    notifySlaWarning: s.notifications.kinds.sla_warning,
    notifySlaBreach: s.notifications.kinds.sla_breach,
    quietEnabled: s.notifications.quietHours.enabled,
    quietStart: s.notifications.quietHours.start,
    quietEnd: s.notifications.quietHours.end,
    quietTimeZone: s.notifications.quietHours.timeZone,
    throttleWindowSeconds: String(s.notifications.throttle.windowSeconds),
    throttleMaxPerWindow: String(s.notifications.throttle.maxPerWindow),
    startAtLogin: s.startAtLogin,
  };
}

function readPollSeconds(text: string, path: string, errors: FieldErrors): number {
  const n = readNumber(text);
  if (typeof n === 'string') {
    addError(errors, path, n);
    return NaN;
  }
  if (n < POLL_MIN_S || n > POLL_MAX_S) {
    addError(errors, path, `enter seconds between ${POLL_MIN_S} and ${POLL_MAX_S}`);
    return NaN;
  }
  return Math.round(n * 1000);
}

function statusMapping(
  rows: readonly StatusMappingRow[],
  errors: FieldErrors,
): Record<string, NormalisedStatus> {
  const out: Record<string, NormalisedStatus> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const word = row.word.trim();
    if (!word) {
      addError(errors, PATHS.statusMapping, 'every row needs an xConnector status word (or remove the row)');
      continue;
    }
    if (seen.has(word))
      addError(errors, PATHS.statusMapping, `"${word}" is mapped twice: keep one row for it`);
    seen.add(word);
    out[word] = row.status;
  }
  if (rows.length === 0) addError(errors, PATHS.statusMapping, 'map at least one status word');
  return out;
}

/**
 * The settings the form describes, validated by the shared schema. `errors` is empty when they can be
 * saved; otherwise each message sits under the path of the field it concerns.
 */
export function settingsFromForm(form: SettingsForm): { settings: AppSettingsInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { base } = form;
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  const settings: AppSettingsInput = {
    ...base,
    connections: {
      ...base.connections,
      mode: form.mode,
      xconnector: { ...base.connections.xconnector, baseUrl: optional(form.xconnectorUrl) },
      tradingGrid: {
        ...base.connections.tradingGrid,
        baseUrl: optional(form.tradingGridUrl),
        clientId: optional(form.tradingGridClientId),
      },
    },
    poll: {
      xconnectorIntervalMs: readPollSeconds(form.xconnectorPollSeconds, PATHS.xconnectorPoll, errors),
      tradingGridIntervalMs: readPollSeconds(form.tradingGridPollSeconds, PATHS.tradingGridPoll, errors),
    },
    mappings: {
      ...base.mappings,
      xconnector: { ...base.mappings.xconnector, transactionStatus: statusMapping(form.statusRows, errors) },
      caseSync: { ...base.mappings.caseSync, routing: routingFromForm(form.routing, errors) },
    },
    sla: slaFromForm(form.sla, errors),
    documents: documentsFromForm(form.documents, errors),
    notifications: {
      ...base.notifications,
      enabled: form.notificationsEnabled,
      kinds: {
        transaction_failed: form.notifyTransactionFailed,
        sla_warning: form.notifySlaWarning,
        sla_breach: form.notifySlaBreach,
      },
      quietHours: {
        enabled: form.quietEnabled,
        start: form.quietStart,
        end: form.quietEnd,
        timeZone: form.quietTimeZone.trim(),
      },
      throttle: {
        windowSeconds: readWhole(form.throttleWindowSeconds, PATHS.throttleWindow, errors),
        maxPerWindow: readWhole(form.throttleMaxPerWindow, PATHS.throttleMax, errors),
      },
    },
    startAtLogin: form.startAtLogin,
  };

  const parsed = AppSettings.safeParse(settings);
  if (!parsed.success) {
    // A field the form already explained (e.g. "enter a number") is not explained twice.
    for (const [path, messages] of Object.entries(
      fieldErrorsFromLines(describeSettingsErrors(parsed.error)),
    )) {
      if (!errors[path]) errors[path] = messages;
    }
  }
  return { settings, errors };
}

/** Splits the engine's "path: message" lines (from `settings:update`) into per-field messages. */
export function fieldErrorsFromLines(lines: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const line of lines) {
    const match = /^([\w.[\]-]+):\s(.*)$/s.exec(line);
    const path = match?.[1] && match[1] !== '(settings)' ? match[1] : '';
    addError(errors, path, match ? (match[2] ?? '') : line);
  }
  return errors;
}

/** True when `p` is `path` or lies below it (`path.x`, `path[0]`). */
const under = (p: string, path: string) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`);

/** Messages for one field: those at its path and below it (`…transactionStatus.FOO` belongs to the table). */
export function errorsAt(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([p]) => under(p, path))
    .flatMap(([, messages]) => messages);
}

/**
 * Messages within a section that none of its fields shows (`shown` lists the fields' paths), for the
 * section's own list; one below the section's path says where, relative to it.
 */
export function leftoverErrors(errors: FieldErrors, section: string, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([p]) => under(p, section) && !shown.some((path) => under(p, path)))
    .flatMap(([p, messages]) =>
      messages.map((m) => (p === section ? m : `${p.slice(section.length).replace(/^\./, '')}: ${m}`)),
    );
}

/** Messages no field on the form shows: listed in the summary at the top of the form. */
export function unplacedErrors(errors: FieldErrors): string[] {
  const placed = Object.values(PATHS) as string[];
  return Object.entries(errors)
    .filter(([p]) => !placed.some((path) => under(p, path)))
    .flatMap(([p, messages]) => messages.map((m) => (p ? `${p}: ${m}` : m)));
}

export function countErrors(errors: FieldErrors): number {
  return Object.values(errors).reduce((n, m) => n + m.length, 0);
}
