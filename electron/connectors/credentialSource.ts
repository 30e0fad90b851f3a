// Where connectors get secrets from. The shell supplies a keychain-backed source; tests and the demo use
// the in-memory one below. Settings only ever hold the *name* a secret is stored under.

export interface CredentialSource {
  /** The secret stored under `name`, or null when there is none. */
  get(name: string): Promise<string | null>;
}

export interface MemoryCredentialSource extends CredentialSource {
  set(name: string, value: string | null): void;
}

/** An in-memory CredentialSource (tests, the built-in demo). */
export function memoryCredentialSource(
  initial: Record<string, string> | Map<string, string> = {},
): MemoryCredentialSource {
  const store = new Map<string, string>(initial instanceof Map ? initial : Object.entries(initial));
  return {
    get: (name) => Promise.resolve(store.get(name) ?? null),
    set(name, value) {
      if (value === null) store.delete(name);
      else store.set(name, value);
    },
  };
}
