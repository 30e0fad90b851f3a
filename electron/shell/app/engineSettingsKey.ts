// Which settings the running engine was built from. A change to any of them restarts the engine's
// process; a change elsewhere (notifications, start at login) is applied in the main process alone.
// The restart is the engine's settings update: a new engine re-reads its rules, re-arms SLA clocks whose
// policies changed and retries what was quarantined for want of a mapping.
import { engineRulesFrom, type AppSettings } from '../../../shared/config/appSettings.ts';

export function engineSettingsKey(settings: AppSettings): string {
  return JSON.stringify([settings.connections, settings.poll, engineRulesFrom(settings)]);
}
