// A recording stand-in for the part of Electron's API the shell touches, so the shell's real entry point
// (electron/main.ts → startDesktopApp) can run in Node and a test can read back exactly what it
// installed: the window's options, the session's header and permission handlers, the handlers on every
// web contents, the IPC handlers, what was loaded and what was sent to the page. Used through
// vi.mock('electron', …); a new Electron call in the shell needs a line here.
import { EventEmitter } from 'node:events';

type Fn = (...args: never[]) => unknown;

export interface Recorded {
  calls: { what: string; args: unknown[] }[];
  appListeners: Map<string, Fn[]>;
  windows: FakeBrowserWindow[];
  ipcHandlers: Map<string, Fn>;
  ipcListeners: string[];
  headerHooks: { filterOrHook: unknown; hook: unknown }[];
  permissionRequestHandlers: Fn[];
  permissionCheckHandlers: Fn[];
  opened: string[];
  engineMessages: unknown[];
  utilityForks: { modulePath: string; options: unknown }[];
  /** What the preload put in the page's world through contextBridge. */
  exposed: { key: string; api: unknown }[];
}

export const recorded: Recorded = freshRecord();

function freshRecord(): Recorded {
  return {
    calls: [],
    appListeners: new Map(),
    windows: [],
    ipcHandlers: new Map(),
    ipcListeners: [],
    headerHooks: [],
    permissionRequestHandlers: [],
    permissionCheckHandlers: [],
    opened: [],
    engineMessages: [],
    utilityForks: [],
    exposed: [],
  };
}

/** Forgets everything recorded (between tests that import main.ts afresh). */
export function resetRecorded(userData: string, appPath = '/opt/partner-desk/resources/app'): void {
  Object.assign(recorded, freshRecord());
  paths.userData = userData;
  paths.appPath = appPath;
}

const paths = { userData: '/tmp/pd-fake-user-data', appPath: '/opt/partner-desk/resources/app' };
const note = (what: string, ...args: unknown[]) => void recorded.calls.push({ what, args });

export const app = {
  isPackaged: false,
  enableSandbox: () => note('app.enableSandbox'),
  setPath: (name: string, value: string) => note('app.setPath', name, value),
  requestSingleInstanceLock: () => true,
  quit: () => note('app.quit'),
  exit: (code: number) => note('app.exit', code),
  on(event: string, listener: Fn) {
    recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
    return app;
  },
  whenReady: () => Promise.resolve(),
  getAppPath: () => paths.appPath,
  getPath: (name: string) => (name === 'userData' ? paths.userData : `/tmp/pd-fake-${name}`),
  getVersion: () => '1.0.0',
  setAppUserModelId: (id: string) => note('app.setAppUserModelId', id),
  getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
  setLoginItemSettings: (s: unknown) => note('app.setLoginItemSettings', s),
};

export const dialog = {
  showErrorBox: (title: string, content: string) => note('dialog.showErrorBox', title, content),
  showMessageBox: (options: unknown) => {
    note('dialog.showMessageBox', options);
    return Promise.resolve({ response: 0 });
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (filterOrHook: unknown, hook?: unknown) =>
        void recorded.headerHooks.push({ filterOrHook, hook }),
    },
    setPermissionRequestHandler: (handler: Fn) => void recorded.permissionRequestHandlers.push(handler),
    setPermissionCheckHandler: (handler: Fn) => void recorded.permissionCheckHandlers.push(handler),
  },
};

export const shell = {
  openExternal: (url: string) => {
    recorded.opened.push(url);
    return Promise.resolve();
  },
};

/** A web contents: an event emitter that also records what the shell installs on it and sends to it. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loaded: { file?: string; url?: string } | null = null;
  visible = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    recorded.windows.push(this);
    // Every web contents Electron creates is announced to the app first, as in Electron.
    for (const l of recorded.appListeners.get('web-contents-created') ?? [])
      (l as (e: unknown, c: FakeWebContents) => void)({}, this.webContents);
  }
  loadFile(file: string) {
    this.loaded = { file };
    return this.pageLoads();
  }
  loadURL(url: string) {
    this.loaded = { url };
    return this.pageLoads();
  }
  /** The page loads at once, as far as the main process can tell (its events fire in this order). */
  private pageLoads() {
    this.webContents.emit('did-start-loading');
    setImmediate(() => {
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized = () => false;
  isDestroyed = () => false;
}
export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handle: (channel: string, handler: Fn) => void recorded.ipcHandlers.set(channel, handler),
  removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
  on: (channel: string) => void recorded.ipcListeners.push(channel),
  once: (channel: string) => void recorded.ipcListeners.push(channel),
};

/** The engine's utility process: answers like a healthy engine host, and records what main sent it. */
class FakeUtilityProcess extends EventEmitter {
  postMessage(message: { type?: string; id?: number; channel?: string; settings?: unknown }) {
    recorded.engineMessages.push(message);
    const reply = (m: unknown) => setImmediate(() => this.emit('message', m));
    if (message.type === 'init') reply({ type: 'ready', mode: 'demo', simulators: null });
    if (message.type === 'invoke')
      reply({
        type: 'answer',
        id: message.id,
        ok: true,
        value: { answeredBy: 'engine', channel: message.channel },
      });
    if (message.type === 'shutdown') {
      reply({ type: 'stopped' });
      setImmediate(() => this.emit('exit', 0));
    }
  }
  kill() {
    setImmediate(() => this.emit('exit', null));
    return true;
  }
}
export const utilityProcess = {
  fork(modulePath: string, _args: string[], options: unknown) {
    recorded.utilityForks.push({ modulePath, options });
    const child = new FakeUtilityProcess();
    setImmediate(() => child.emit('spawn'));
    return child;
  },
};

export class Notification extends EventEmitter {
  static isSupported = () => true;
  readonly options: unknown;
  constructor(options: unknown) {
    super();
    this.options = options;
  }
  show() {
    note('notification.show', this.options);
  }
  close() {}
}

/** Any method the tray code calls and this fake does not name does nothing (answers undefined). */
export class Tray extends EventEmitter {
  constructor() {
    super();
    return new Proxy(this, {
      get: (target, name, receiver) =>
        name in target ? Reflect.get(target, name, receiver) : () => undefined,
    });
  }
  isDestroyed() {
    return false;
  }
}

// The preload's side.
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => void recorded.exposed.push({ key, api }),
};
export const ipcRenderer = {
  invoke: (channel: string, args: unknown) => {
    note('ipcRenderer.invoke', channel, args);
    return Promise.resolve({ ok: true, value: null });
  },
  on: () => undefined,
  removeListener: () => undefined,
};
export const webUtils = { getPathForFile: () => '' };

export const Menu = { buildFromTemplate: (template: unknown) => template };
export const nativeImage = { createFromPath: (path: string) => ({ path }) };
