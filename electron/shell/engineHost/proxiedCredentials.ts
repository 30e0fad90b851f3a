// The engine host's CredentialSource: the keychain lives in the main process (keytar is loaded there,
// and a keychain prompt belongs to the app, not a background process), so each secret is asked for
// over the channel when a connector needs it. Nothing is cached here: a changed secret is used at once.
import type { CredentialSource } from '../../connectors/credentialSource.ts';
import { createPendingRequests } from './pendingRequests.ts';

export interface ProxiedCredentials extends CredentialSource {
  /** Settles a request with main's answer. */
  answer(id: number, outcome: { ok: true; value: string | null } | { ok: false; message: string }): void;
  /** The channel is closing: fail whatever still waits. */
  close(): void;
}

export function createProxiedCredentials(
  request: (id: number, name: string) => void,
  timeoutMs = 30_000,
): ProxiedCredentials {
  const pending = createPendingRequests<string | null>(timeoutMs);
  return {
    get(name) {
      const { id, answer } = pending.open(
        `The main process did not hand over the secret "${name}" within ${Math.round(timeoutMs / 1000)} s; the keychain may be locked.`,
      );
      request(id, name);
      return answer;
    },
    answer(id, outcome) {
      if (outcome.ok) pending.resolve(id, outcome.value);
      else pending.reject(id, new Error(outcome.message));
    },
    close() {
      pending.rejectAll(new Error('The engine is shutting down.'));
    },
  };
}
