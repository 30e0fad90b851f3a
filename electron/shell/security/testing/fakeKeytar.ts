// An in-memory keytar for tests of the shell's wiring (the real keychain has its own tests, in vault/).
export const keychain = new Map<string, string>();
const key = (service: string, account: string) => `${service}\u0000${account}`;

export default {
  getPassword: async (service: string, account: string) => keychain.get(key(service, account)) ?? null,
  setPassword: async (service: string, account: string, password: string) =>
    void keychain.set(key(service, account), password),
  deletePassword: async (service: string, account: string) => keychain.delete(key(service, account)),
};
