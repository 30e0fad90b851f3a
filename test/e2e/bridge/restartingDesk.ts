// The bridge's engine and desk service, rebuilt when saved settings change the rules the engine syncs
// by (mappings with case sync and routing, SLA policies, document limits) — what the desktop app does by
// restarting its engine process (electron/shell/app/engineSettingsKey.ts). Calls arriving during a
// rebuild wait for the new engine instead of meeting the closed one.
import { engineRulesFrom, type AppSettings } from '../../../shared/config/appSettings.ts';
import type { EngineSettingsInput } from '../../../shared/config/engineSettings.ts';
import type { Engine } from '../../../electron/engine/engine.ts';
import type { DeskService } from '../../../electron/service/deskService.ts';

export type EngineRules = Pick<EngineSettingsInput, 'mappings' | 'sla' | 'documents'>;

export interface RestartingDesk {
  readonly engine: Engine;
  /** Stable: each call goes to the engine of the moment, after any rebuild in progress. */
  readonly service: DeskService;
  /** Rebuilds the engine when these settings' rules differ from the running engine's. */
  apply(settings: AppSettings): Promise<void>;
  close(): Promise<void>;
}

export function createRestartingDesk(
  first: { engine: Engine; service: DeskService },
  rebuild: (rules: EngineRules) => { engine: Engine; service: DeskService },
  initialRules: string,
): RestartingDesk {
  let current = first;
  let appliedRules = initialRules;
  let rebuilding: Promise<void> = Promise.resolve();

  const service: DeskService = {
    async invoke(channel, args) {
      await rebuilding;
      return current.service.invoke(channel, args);
    },
    dispose: () => current.service.dispose(),
  };

  return {
    get engine() {
      return current.engine;
    },
    service,
    apply(settings) {
      const rules = engineRulesFrom(settings);
      const key = JSON.stringify(rules);
      if (key === appliedRules) return rebuilding;
      appliedRules = key;
      rebuilding = rebuilding.then(async () => {
        current.service.dispose();
        await current.engine.close();
        current = rebuild(rules);
      });
      return rebuilding;
    },
    async close() {
      await rebuilding;
      current.service.dispose();
      await current.engine.close();
    },
  };
}
