// The window's only door to the outside: `window.partnerDesk`, exposed by the preload in Electron and
// by the browser bridge in the end-to-end tests. Everything else in the renderer goes through here, so
// a missing bridge is noticed once, at start-up, and shown on screen instead of failing call by call.
import type {
  EventChannel,
  EventChannels,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  PartnerDeskApi,
} from '../../shared/ipc/contract.ts';

declare global {
  interface Window {
    partnerDesk?: PartnerDeskApi;
  }
}

export class DeskUnavailableError extends Error {
  constructor() {
    super(
      'Partner Desk cannot reach its engine: the window was opened without the desk API (window.partnerDesk). ' +
        'Open it from the Partner Desk app, or through the test bridge.',
    );
    this.name = 'DeskUnavailableError';
  }
}

function isDeskApi(value: unknown): value is PartnerDeskApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return (
    typeof api.invoke === 'function' &&
    typeof api.on === 'function' &&
    typeof api.pathsForDroppedFiles === 'function'
  );
}

/** The bridge, or null when the page was opened without one (checked once by main.tsx). */
export function findDeskApi(): PartnerDeskApi | null {
  const candidate = typeof window === 'undefined' ? undefined : window.partnerDesk;
  return isDeskApi(candidate) ? candidate : null;
}

function api(): PartnerDeskApi {
  const found = findDeskApi();
  if (!found) throw new DeskUnavailableError();
  return found;
}

/** Calls the engine. Rejects with an Error whose message can be shown to a person as it is. */
export async function invoke<C extends InvokeChannel>(
  channel: C,
  args: InvokeArgs<C>,
): Promise<InvokeResult<C>> {
  try {
    return await api().invoke(channel, args);
  } catch (error) {
    throw new Error(describeFailure(error));
  }
}

/**
 * Listens to an engine event. A bridge that does not know the event (an older shell) is not a reason to
 * lose the window: the refusal is logged and the screen simply gets no live updates for it.
 */
export function onEngineEvent<E extends EventChannel>(
  event: E,
  listener: (payload: EventChannels[E]) => void,
): () => void {
  const bridge = api();
  try {
    return bridge.on(event, listener);
  } catch (error) {
    console.warn(`Partner Desk: no live updates for "${event}": ${describeFailure(error)}`);
    return () => {};
  }
}

export function pathsForDroppedFiles(files: File[]): Promise<string[]> {
  return api().pathsForDroppedFiles(files);
}

/** Electron prefixes errors thrown in a handler with "Error invoking remote method 'x': Error: "; a person needs only the end. */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const cleaned = text.replace(/^Error invoking remote method '[^']*':\s*(\w*Error:\s*)?/, '');
  return cleaned.trim() || 'The engine did not answer.';
}
