// OAuth2 client-credentials for Trading Grid. The token is fetched with `POST /oauth2/token`
// (form-encoded), cached, and replaced shortly before it expires (30 s or 10 % of its lifetime, whichever
// is smaller) or after the server refused it. Concurrent callers share one refresh.
import { tradingGridContract } from '../../../shared/contracts/tradingGrid.ts';
import type { AuthProvider, HttpClient, Logger } from '../../http/httpClient.ts';
import { unauthorizedMessage } from '../../http/httpError.ts';
import type { HttpError } from '../../http/httpError.ts';
import { err, ok } from '../../http/result.ts';
import type { Result } from '../../http/result.ts';
import { systemClock } from '../../http/time.ts';
import type { Clock } from '../../http/time.ts';
import type { CredentialSource } from '../credentialSource.ts';

export interface OAuthTokenProviderOptions {
  /** An HTTP client for the Trading Grid base URL; the token call is made through it without auth. */
  http: HttpClient;
  clientId: string;
  /** Name of the keychain entry holding the client secret (settings.tradingGrid.clientSecretSecret). */
  clientSecretName: string;
  credentials: CredentialSource;
  scope?: string;
  clock?: Clock;
  logger?: Logger;
}

export interface OAuthTokenState {
  hasToken: boolean;
  expiresAt: number | null;
  refreshAt: number | null;
  /** Token requests made so far. */
  fetches: number;
}

export interface OAuthTokenProvider extends AuthProvider {
  state(): OAuthTokenState;
}

interface CachedToken {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

const TOKEN_ENDPOINT_ID = tradingGridContract.endpoints.token.id;
const MAX_SKEW_MS = 30_000;
/** OAuth2 error codes that mean the credentials themselves are wrong: trying again cannot help. */
const CREDENTIAL_ERRORS = new Set([
  'invalid_client',
  'unauthorized_client',
  'invalid_grant',
  'access_denied',
]);
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** When to replace a token obtained at `obtainedAt` living `ttlMs`. */
export function refreshTime(obtainedAt: number, ttlMs: number): number {
  const skew = Math.min(MAX_SKEW_MS, ttlMs * 0.1);
  return obtainedAt + ttlMs - skew;
}

export function createOAuthTokenProvider(options: OAuthTokenProviderOptions): OAuthTokenProvider {
  const { http, clientId, clientSecretName, credentials, scope, logger } = options;
  const clock = options.clock ?? systemClock;

  let current: CachedToken | null = null;
  let inflight: Promise<Result<CachedToken, HttpError>> | null = null;
  let fetches = 0;

  const authError = (message: string, retryable: boolean, extra: Partial<HttpError> = {}): HttpError => ({
    kind: 'unauthorized',
    retryable,
    maybeApplied: false,
    endpointId: TOKEN_ENDPOINT_ID,
    message,
    ...extra,
  });

  const fetchToken = async (): Promise<Result<CachedToken, HttpError>> => {
    let secret: string | null;
    try {
      secret = await credentials.get(clientSecretName);
    } catch (e) {
      return err(
        authError(
          `Partner Desk could not read the Trading Grid client secret from the system keychain (${
            e instanceof Error ? e.name : 'unknown error'
          }): unlock the keychain or store the secret again in Settings → Connections`,
          true,
        ),
      );
    }
    if (secret === null || secret === '') {
      return err(
        authError('No Trading Grid client secret is stored: add it in Settings → Connections', false),
      );
    }

    fetches += 1;
    const sentAt = clock.now();
    const res = await http.call(tradingGridContract.endpoints.token, {
      body: {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: secret,
        ...(scope !== undefined ? { scope } : {}),
      },
      encoding: 'form',
      skipAuth: true,
      // Asking for a token twice is harmless, so a 5xx or a lost connection is retried like a GET.
      retrySafe: true,
    });
    if (!res.ok) {
      const e = res.error;
      if (e.status === 401 || (e.remoteCode !== undefined && CREDENTIAL_ERRORS.has(e.remoteCode))) {
        return err(authError(unauthorizedMessage('Trading Grid'), false, withStatus(e)));
      }
      if (e.remoteCode === 'invalid_scope') {
        return err({
          ...e,
          kind: 'forbidden',
          retryable: false,
          message: `Trading Grid refused the requested OAuth scope${scope ? ` "${scope}"` : ''}: ask the Trading Grid administrator which scopes the client may use`,
        });
      }
      return err(e);
    }
    const { access_token: token, expires_in: expiresIn } = res.value;
    if (!VISIBLE_ASCII.test(token)) {
      return err({
        kind: 'invalid_response',
        retryable: false,
        maybeApplied: false,
        endpointId: TOKEN_ENDPOINT_ID,
        message:
          'Trading Grid answered POST /oauth2/token (tg.token) with an access token containing characters that cannot be sent in a header. Check that the base URL points at Trading Grid.',
      });
    }
    const ttlMs = expiresIn * 1000;
    return ok({ token, expiresAt: sentAt + ttlMs, refreshAt: refreshTime(sentAt, ttlMs) });
  };

  const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

  return {
    async headers() {
      const cached = current;
      if (cached !== null && clock.now() < cached.refreshAt) return ok(bearer(cached.token));
      if (inflight === null) {
        inflight = fetchToken().then((r) => {
          inflight = null;
          if (r.ok) current = r.value;
          return r;
        });
      }
      const r = await inflight;
      if (r.ok) return ok(bearer(r.value.token));
      // An early refresh that failed for a passing reason leaves the current token usable until it expires.
      const still = current;
      if (still !== null && r.error.retryable && clock.now() < still.expiresAt) {
        logger?.warn(
          { system: 'Trading Grid', endpointId: TOKEN_ENDPOINT_ID, kind: r.error.kind },
          'Trading Grid token refresh failed; using the current token until it expires',
        );
        return ok(bearer(still.token));
      }
      return err(r.error);
    },
    invalidate(rejected) {
      // A refresh on its way will replace the token anyway; a rejection of an older token is stale.
      if (inflight !== null) return;
      if (rejected !== undefined && current !== null && rejected.authorization !== `Bearer ${current.token}`)
        return;
      current = null;
    },
    state() {
      return {
        hasToken: current !== null,
        expiresAt: current?.expiresAt ?? null,
        refreshAt: current?.refreshAt ?? null,
        fetches,
      };
    },
  };
}

function withStatus(e: HttpError): Partial<HttpError> {
  return {
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.remoteCode !== undefined ? { remoteCode: e.remoteCode } : {}),
  };
}
