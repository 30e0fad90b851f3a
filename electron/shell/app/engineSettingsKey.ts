// Which settings the running engine was built from. A change to any of them restarts the engine's
// process; a change elsewhere (notifications, start at login) is applied in the main process alone.
import type { AppSettings } from '../../../shared/config/appSettings.ts';

export function engineSettingsKey(settings: AppSettings): string {
  return JSON.stringify([settings.connections, settings.poll, settings.mappings]);
}
