// The window calls the main process answers itself, because they need what only it holds: the
// keychain, the settings file and the OS shell. They keep working while the engine's process is down,
// so a person can always reach Settings to fix what stopped it. Everything else goes to the engine.
import type { z } from 'zod';
import type { InvokeChannel, InvokeResult, invokeChannels } from '../../../shared/ipc/contract.ts';
import type { Outcome } from '../../../shared/ipc/dto.ts';
import type { SettingsStore } from '../settings/settingsStore.ts';
import type { Vault } from '../vault/vault.ts';
import { checkExternalLink, type ExternalLinkPolicy } from '../security/externalLinks.ts';

export const MAIN_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'credentials:set',
  'shell:openExternal',
] as const satisfies readonly InvokeChannel[];
export type MainChannel = (typeof MAIN_CHANNELS)[number];

export type MainHandlers = {
  [C in MainChannel]: (args: z.output<(typeof invokeChannels)[C]['args']>) => Promise<InvokeResult<C>>;
};

export interface MainHandlersDeps {
  settings: SettingsStore;
  vault: Vault;
  version: string;
  platform: string;
  linkPolicy(): ExternalLinkPolicy;
  openExternal(url: string): Promise<void>;
  /** A secret was replaced: the engine retries the system that refused the old one. */
  credentialsChanged(system: 'xconnector' | 'trading-grid'): void;
  warn?(message: string): void;
}

export function createMainHandlers(deps: MainHandlersDeps): MainHandlers {
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  const entryNames = () => {
    const c = deps.settings.get().connections;
    return {
      'xconnector.apiKey': c.xconnector.apiKeySecretName,
      'tradingGrid.clientSecret': c.tradingGrid.clientSecretName,
    };
  };
  /** "Is one stored?" — a keychain that cannot answer is reported in the log and shown as not stored. */
  const stored = async (entry: string): Promise<boolean> => {
    try {
      return await deps.vault.has(entry);
    } catch (error) {
      warn(
        `Could not check the keychain for "${entry}": ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  };

  return {
    'app:info': async () => ({
      version: deps.version,
      mode: deps.settings.get().connections.mode,
      platform: deps.platform,
    }),

    'settings:get': async () => {
      const names = entryNames();
      const loaded = deps.settings.loaded;
      return {
        settings: deps.settings.get(),
        credentialsStored: {
          'xconnector.apiKey': await stored(names['xconnector.apiKey']),
          'tradingGrid.clientSecret': await stored(names['tradingGrid.clientSecret']),
        },
        recovered: loaded.recovered ? { backupPath: loaded.backupPath, reason: loaded.reason } : null,
      };
    },

    'settings:update': async ({ settings }) => {
      const saved = deps.settings.save(settings);
      return saved.ok ? { ok: true } : { ok: false, errors: saved.errors };
    },

    'credentials:set': async ({ name, value }): Promise<Outcome> => {
      try {
        await deps.vault.set(entryNames()[name], value);
      } catch (error) {
        // VaultError messages never carry the value; anything else is not echoed at all.
        const message =
          error instanceof Error && error.name === 'VaultError'
            ? error.message
            : 'The secret could not be stored in the system keychain.';
        return { ok: false, message };
      }
      deps.credentialsChanged(name.startsWith('xconnector') ? 'xconnector' : 'trading-grid');
      return { ok: true };
    },

    'shell:openExternal': async ({ url }): Promise<Outcome> => {
      const link = checkExternalLink(url, deps.linkPolicy());
      if (!link.ok) return { ok: false, message: link.reason };
      try {
        await deps.openExternal(link.url);
        return { ok: true };
      } catch (error) {
        return {
          ok: false,
          message: `The link could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    },
  };
}
