// What the main process answers to every window call. Errors travel as values, not as thrown errors:
// Electron would wrap a thrown error's message in "Error invoking remote method …", and the window
// should show the person our message, unchanged. The preload turns a refusal back into a rejection.
export type IpcErrorKind =
  /** The call did not come from our page in the main window's top frame. */
  | 'forbidden'
  /** Unknown channel or arguments that fail the contract's schema. */
  | 'invalid_request'
  /** The sync engine's process is starting, restarting or stopped. */
  | 'engine_unavailable'
  | 'failed';

export type IpcReply =
  { ok: true; value: unknown } | { ok: false; error: { kind: IpcErrorKind; message: string } };

export function isIpcReply(value: unknown): value is IpcReply {
  if (value === null || typeof value !== 'object') return false;
  const r = value as { ok?: unknown; error?: { message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false && typeof r.error === 'object' && r.error !== null && typeof r.error.message === 'string'
  );
}
