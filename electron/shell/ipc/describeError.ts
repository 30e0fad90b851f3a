// How a failed call reads in the window: the engine's own messages are meant for people and pass
// through; an unexpected error is named as such rather than shown as a stack trace.
import { EngineRequestError, EngineUnavailableError } from '../engineHost/engineClient.ts';
import { RequestTimeoutError } from '../engineHost/pendingRequests.ts';
import type { IpcErrorKind } from './ipcReply.ts';

export function describeError(error: unknown): { kind: IpcErrorKind; message: string } {
  if (error instanceof EngineUnavailableError || error instanceof RequestTimeoutError)
    return { kind: 'engine_unavailable', message: error.message };
  if (error instanceof EngineRequestError) return { kind: error.kind, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', message: `Something went wrong in Partner Desk: ${message}` };
}
