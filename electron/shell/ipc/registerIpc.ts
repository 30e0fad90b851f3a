// The only place ipcMain is touched: one handler per contract channel, each going through the dispatcher
// (sender check, schema, then the handler), and the preload's internal report of dropped files. Any
// other channel has no handler at all.
import { ipcMain } from 'electron';
import { invokeChannels } from '../../../shared/ipc/contract.ts';
import type { IpcReply } from './ipcReply.ts';
import type { InvokeEventLike } from './invokeDispatch.ts';
import { DROPPED_FILES_CHANNEL } from './internalChannels.ts';

export function registerInvokeHandlers(
  dispatch: (event: InvokeEventLike, channel: string, args: unknown) => Promise<IpcReply>,
  droppedFiles: (event: InvokeEventLike, paths: unknown) => IpcReply,
): () => void {
  const channels = Object.keys(invokeChannels);
  for (const channel of channels)
    ipcMain.handle(channel, (event, args: unknown) => dispatch(event, channel, args));
  ipcMain.handle(DROPPED_FILES_CHANNEL, (event, paths: unknown) => droppedFiles(event, paths));
  return () => {
    for (const channel of [...channels, DROPPED_FILES_CHANNEL]) ipcMain.removeHandler(channel);
  };
}
