// The real engine host in a forked Node process, standing in for Electron's utility process in tests:
// the same runEngineHost, talking over the fork's IPC channel (structured clone, like a MessagePort).
// Run by forkEngineHost() below, never on its own.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runEngineHost } from '../engineHost.ts';
import type { EngineChild } from '../engineClient.ts';

/**
 * `logLevel` is the engine's (PARTNER_DESK_LOG_LEVEL); tests keep only errors unless told otherwise.
 * With `output`, what the process prints (stdout and stderr) is appended there instead of inherited.
 */
export function forkEngineHost(
  logLevel = 'error',
  output?: Buffer[],
): EngineChild & { pid: number | undefined } {
  const child = fork(fileURLToPath(import.meta.url), ['--run-engine-host'], {
    serialization: 'advanced',
    execArgv: ['--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', output ? 'pipe' : 'inherit', output ? 'pipe' : 'inherit', 'ipc'],
    env: { ...process.env, PARTNER_DESK_LOG_LEVEL: logLevel },
  });
  child.stdout?.on('data', (chunk: Buffer) => output?.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output?.push(chunk));
  return {
    pid: child.pid,
    endpoint: {
      post: (message) => {
        // A process that has just died cannot take the message: its exit is reported through onExit.
        if (child.connected) child.send(message as never, (error) => void error);
      },
      onMessage(listener) {
        child.on('message', listener);
        return () => child.off('message', listener);
      },
    },
    onExit: (listener) =>
      void child.once('exit', (code, signal) =>
        listener({ code, detail: signal ? `killed by ${signal}` : `exit code ${code}` }),
      ),
    kill: () => child.kill('SIGKILL'),
  };
}

if (process.argv.includes('--run-engine-host') && process.send) {
  const send = process.send.bind(process);
  runEngineHost({
    endpoint: {
      post: (message) => void send(message as never),
      onMessage(listener) {
        process.on('message', listener);
        return () => process.off('message', listener);
      },
    },
    exit: (code) => process.exit(code),
  });
}
