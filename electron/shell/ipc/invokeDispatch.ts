// Every window call passes here before anything runs: is the sender our page in the main window's top
// frame, is the channel in the contract, do the arguments pass its schema? Only then is it answered,
// by the main process itself (keychain, settings, shell) or by the engine's process. The answer is
// always an IpcReply value, never a thrown error.
import type { z } from 'zod';
import {
  isInvokeChannel,
  parseInvokeArgs,
  type InvokeChannel,
  type invokeChannels,
} from '../../../shared/ipc/contract.ts';
import { isTrustedSender } from '../security/trustedSender.ts';
import type { RendererLocation } from '../window/rendererLocation.ts';
import type { IpcErrorKind, IpcReply } from './ipcReply.ts';
import { DroppedPaths, type DroppedFileGrants } from './droppedFileGrants.ts';

/** The parts of Electron's IpcMainInvokeEvent the check reads (a plain object in tests). */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

type LocalHandler<C extends InvokeChannel> = (
  args: z.output<(typeof invokeChannels)[C]['args']>,
) => Promise<unknown>;
export type LocalHandlers = { [C in InvokeChannel]?: LocalHandler<C> };

export interface InvokeDispatcherDeps {
  /** The web contents id of the main window, or null while there is none. */
  mainWindowId(): number | null;
  renderer: RendererLocation;
  local: LocalHandlers;
  /** Sends a validated call to the engine's process. */
  forward(channel: InvokeChannel, args: unknown): Promise<unknown>;
  /** Turns a failure into the reply's kind and the message the person sees. */
  describeError(error: unknown): { kind: IpcErrorKind; message: string };
  /** Paths the preload read from dropped files: the only ones documents:upload may send. */
  droppedFiles: DroppedFileGrants;
  /** Refused senders are logged: they mean a bug or an attack, never normal use. */
  onRefused?(reason: string, channel: string): void;
}

/** Why a sender is not allowed, or null when it is. */
export function senderRefusal(
  event: InvokeEventLike,
  mainWindowId: number | null,
  renderer: RendererLocation,
): string | null {
  if (mainWindowId === null || event.sender?.id !== mainWindowId)
    return 'the call did not come from the main window';
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the call came from a subframe';
  if (!isTrustedSender(frame.url, renderer))
    return `the page ${JSON.stringify(String(frame.url).slice(0, 200))} is not ours`;
  return null;
}

export function createInvokeDispatcher(deps: InvokeDispatcherDeps) {
  return async function dispatch(event: InvokeEventLike, channel: unknown, args: unknown): Promise<IpcReply> {
    const name = String(channel).slice(0, 80);
    const refusal = senderRefusal(event, deps.mainWindowId(), deps.renderer);
    if (refusal) {
      deps.onRefused?.(refusal, name);
      return { ok: false, error: { kind: 'forbidden', message: `Refused: ${refusal}.` } };
    }
    if (!isInvokeChannel(channel))
      return {
        ok: false,
        error: { kind: 'invalid_request', message: `Unknown IPC channel ${JSON.stringify(name)}` },
      };
    const parsed = parseInvokeArgs(channel, args);
    if (!parsed.ok) return { ok: false, error: { kind: 'invalid_request', message: parsed.message } };
    if (channel === 'documents:upload') {
      const notDropped = deps.droppedFiles.notGranted((parsed.value as { paths: string[] }).paths);
      if (notDropped.length > 0) {
        deps.onRefused?.(`upload of ${notDropped.length} path(s) that were not dropped on the window`, name);
        return {
          ok: false,
          error: {
            kind: 'forbidden',
            message: `Only files dropped on the window can be uploaded; these were not: ${notDropped
              .slice(0, 5)
              .map((p) => p.split(/[\\/]/).pop())
              .join(', ')}${notDropped.length > 5 ? ', …' : ''}.`,
          },
        };
      }
    }
    try {
      const local = deps.local[channel] as LocalHandler<typeof channel> | undefined;
      const value = local ? await local(parsed.value as never) : await deps.forward(channel, parsed.value);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: deps.describeError(error) };
    }
  };
}

/** The preload's report of dropped files' paths: same sender check, then the paths are granted. */
export function createDroppedFilesHandler(
  deps: Pick<InvokeDispatcherDeps, 'mainWindowId' | 'renderer' | 'droppedFiles' | 'onRefused'>,
) {
  return function droppedFiles(event: InvokeEventLike, paths: unknown): IpcReply {
    const refusal = senderRefusal(event, deps.mainWindowId(), deps.renderer);
    if (refusal) {
      deps.onRefused?.(refusal, 'dropped files');
      return { ok: false, error: { kind: 'forbidden', message: `Refused: ${refusal}.` } };
    }
    const parsed = DroppedPaths.safeParse(paths);
    if (!parsed.success)
      return {
        ok: false,
        error: { kind: 'invalid_request', message: 'The dropped files could not be read.' },
      };
    deps.droppedFiles.grant(parsed.data);
    return { ok: true, value: null };
  };
}
