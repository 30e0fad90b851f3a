// The one object the window gets (window.partnerDesk), built from the preload's ipcRenderer and webUtils
// so it can be tested under Node. It forwards only the contract's channels, never hands the page an
// Electron object (an IpcRendererEvent carries the sender and could be used to reach ipcRenderer), and
// turns the main process's refusals into rejected promises with the message meant for the person.
import type { EventChannels, PartnerDeskApi } from '../../../shared/ipc/contract.ts';
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from '../ipc/channelLists.ts';
import { isIpcReply } from '../ipc/ipcReply.ts';
import { DROPPED_FILES_CHANNEL } from '../ipc/internalChannels.ts';

/** The part of Electron's ipcRenderer the API uses. */
export interface RendererIpc {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

const invokeChannels: ReadonlySet<string> = new Set(INVOKE_CHANNEL_NAMES);
const eventChannels: ReadonlySet<string> = new Set(EVENT_CHANNEL_NAMES);

export function createPartnerDeskApi(
  ipc: RendererIpc,
  getPathForFile: (file: File) => string,
): PartnerDeskApi {
  const api: PartnerDeskApi = {
    async invoke(channel, args) {
      if (typeof channel !== 'string' || !invokeChannels.has(channel))
        throw new Error(`Unknown IPC channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
      const reply = await ipc.invoke(channel, args ?? {});
      if (!isIpcReply(reply)) throw new Error(`The main process gave no usable answer to ${channel}.`);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as never;
    },

    on(event, listener) {
      if (typeof event !== 'string' || !eventChannels.has(event))
        throw new Error(`Unknown event ${JSON.stringify(String(event)).slice(0, 80)}`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const forward = (_event: unknown, payload: unknown) => listener(payload as EventChannels[typeof event]);
      ipc.on(event, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(event, forward);
      };
    },

    async pathsForDroppedFiles(files) {
      // A File the page made itself (not dropped from disk) has no path: it is left out, not passed on
      // as an empty string the engine would have to refuse.
      const paths = Array.from(files ?? [])
        .map((file) => getPathForFile(file))
        .filter((path) => typeof path === 'string' && path.length > 0);
      // Main uploads only paths granted here, where the page cannot reach (see droppedFileGrants.ts).
      if (paths.length > 0) {
        const reply = await ipc.invoke(DROPPED_FILES_CHANNEL, paths);
        if (isIpcReply(reply) && !reply.ok) throw new Error(reply.error.message);
      }
      return paths;
    },
  };
  return Object.freeze(api);
}
