// Starts the engine host as an Electron utility process (a Node process Chromium manages, so a heavy
// sync never blocks the window or the tray) and adapts it to the EngineChild the client drives.
import { utilityProcess } from 'electron';
import type { EngineChild } from './engineClient.ts';

export function forkEngineProcess(modulePath: string): EngineChild {
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: 'Partner Desk sync engine',
    stdio: 'inherit',
  });
  // Messages posted before the process has spawned are held and sent once it has.
  let spawned = false;
  let exited = false;
  const early: unknown[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const m of early.splice(0)) child.postMessage(m);
  });
  return {
    endpoint: {
      post(message) {
        if (exited) return;
        if (spawned) child.postMessage(message);
        else early.push(message);
      },
      onMessage(listener) {
        child.on('message', listener);
        return () => child.off('message', listener);
      },
    },
    onExit(listener) {
      child.once('exit', (code) => {
        exited = true;
        listener({ code, detail: `exit code ${code}` });
      });
    },
    kill: () => void child.kill(),
  };
}
