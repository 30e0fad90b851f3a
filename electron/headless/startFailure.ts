// When the engine cannot start (a damaged or unwritable database, invalid settings), a command line
// says so in one plain paragraph — what is wrong and what to do — and exits non-zero, not with a stack.
import type { RunningSimulators } from '../simulators/index.ts';

export async function startEngineOrExit<T>(sims: RunningSimulators, start: () => T): Promise<T> {
  try {
    return start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Partner Desk cannot start. ${message}\n`);
    await sims.close();
    process.exit(1);
  }
}
