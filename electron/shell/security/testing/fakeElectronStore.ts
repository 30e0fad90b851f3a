// electron-store without Electron: conf, the library it wraps, on the same options (a real file on disk).
import Conf, { type Options } from 'conf';

export default class FakeElectronStore<T extends Record<string, unknown>> extends Conf<T> {
  constructor(options: Partial<Options<T>> & { name?: string }) {
    const { name, ...rest } = options;
    super({ ...rest, ...(name ? { configName: name } : {}) });
  }
}
