// What the engine is built from: the adapters the shell, the tests, the benchmarks and the headless demo
// hand it, and the settings check that refuses a bad settings file before anything is opened.
import { EngineSettings, type EngineSettingsInput } from '../../shared/config/engineSettings.ts';
import type { Clock } from './clock.ts';
import type { Notifier } from './notifier.ts';
import type { Ports } from './ports.ts';
import type { CredentialSource } from '../connectors/credentialSource.ts';
import type { SecretScrubber } from '../logging/secretScrubber.ts';
import type { Logger } from '../logging/logger.ts';

export const STORE_FILE = 'partner-desk.sqlite';

export interface EngineOptions {
  /** Folder holding the engine's SQLite file. */
  dataDir: string;
  settings: EngineSettingsInput;
  credentials: CredentialSource;
  notifier: Notifier;
  clock?: Clock;
  logger?: Logger;
  scrubber?: SecretScrubber;
  random?: () => number;
  /** Replaces the HTTP connectors (tests that wrap or observe them). */
  ports?: Ports;
  /** Caps the database at this many pages: a quota, and how the disk-full tests fill the disk. */
  maxDatabasePages?: number;
}

export class EngineSettingsError extends Error {}

export function parseEngineSettings(input: EngineSettingsInput): EngineSettings {
  const parsed = EngineSettings.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new EngineSettingsError(`The engine settings are not valid: ${problems}`);
  }
  return parsed.data;
}
