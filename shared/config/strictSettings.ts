// Objects of the settings file are strict: a key the schema does not know is refused, never dropped, so a
// misspelled setting ("maxByte") is reported by its path instead of silently running on the default, and
// a secret pasted into the file is turned away with where it belongs. Every section (connections, poll,
// mappings, sla, documents, notifications) builds its objects with `settingsObject`.
import { z } from 'zod';

// Key names that hold a secret value. Names ending in "Name" (clientSecretName) only name an entry.
const SECRET_LOOKING_KEY = /secret|password|passwd|passphrase|token|api[-_]?key|credential|private[-_]?key/i;

export function isSecretLookingKey(key: string): boolean {
  return SECRET_LOOKING_KEY.test(key) && !/Name$/.test(key);
}

export function unknownKeyMessage(key: string): string {
  return isSecretLookingKey(key)
    ? 'settings never hold secrets: store it in the system keychain (Settings → Credentials); settings only name the entry'
    : 'not a known setting (check the spelling)';
}

/** A strict object: unknown keys are refused, so neither typos nor secrets slip into the file. */
export function settingsObject<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => `"${k}": ${unknownKeyMessage(k)}`).join('; ')
        : undefined,
  });
}
