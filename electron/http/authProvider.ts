// How the HTTP clients get credentials: a provider hands out the headers and is told when the server
// refused them, so each system (OAuth2 token, API key, none) plugs in without the client knowing which.
import { ok } from './result.ts';
import type { Result } from './result.ts';
import type { HttpError } from './httpError.ts';

/** Supplies the credentials headers for a request. */
export interface AuthProvider {
  headers(): Promise<Result<Record<string, string>, HttpError>>;
  /**
   * Forgets the cached credentials so the next `headers()` fetches fresh ones. `rejected` is the set of
   * headers the server refused: a provider may ignore the call when it has already replaced them, so a
   * burst of concurrent 401s causes one refresh, not one each.
   */
  invalidate(rejected?: Record<string, string>): void;
}

/** An AuthProvider that adds nothing (for token endpoints and open systems). */
export const noAuth: AuthProvider = {
  headers: () => Promise.resolve(ok({})),
  invalidate: () => {},
};
