// The preload of the sandboxed window: exposes window.partnerDesk (electron/shell/preload/partnerDeskApi.ts)
// through the context bridge, and nothing else. Bundled by Vite (vite.preload.config.ts) into one
// self-contained CommonJS file, dist-electron/preload.cjs: a sandboxed preload can require only 'electron'.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPartnerDeskApi } from './shell/preload/partnerDeskApi.ts';

contextBridge.exposeInMainWorld(
  'partnerDesk',
  createPartnerDeskApi(
    {
      invoke: (channel, args) => ipcRenderer.invoke(channel, args),
      on: (channel, listener) => ipcRenderer.on(channel, listener),
      removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
    },
    (file) => webUtils.getPathForFile(file),
  ),
);
