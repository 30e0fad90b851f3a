// xConnector authenticates with an API key sent in the X-Api-Key header. The key is read from the
// credential source (the OS keychain in the product) when first needed and cached until invalidated,
// so a key the user replaces in Settings is picked up after the next 401.
import { API_KEY_HEADER } from '../../../shared/contracts/endpoint.ts';
import type { AuthProvider } from '../../http/httpClient.ts';
import type { HttpError } from '../../http/httpError.ts';
import { err, ok } from '../../http/result.ts';
import type { Result } from '../../http/result.ts';
import type { CredentialSource } from '../credentialSource.ts';

export interface ApiKeyAuthOptions {
  credentials: CredentialSource;
  /** Name of the keychain entry (settings.xconnector.apiKeySecret). */
  secretName: string;
}

const AUTH_ENDPOINT_ID = 'xc.auth';

export function createApiKeyAuth(options: ApiKeyAuthOptions): AuthProvider {
  const { credentials, secretName } = options;
  let cached: string | null = null;
  let loading: Promise<Result<Record<string, string>, HttpError>> | null = null;

  const load = async (): Promise<Result<Record<string, string>, HttpError>> => {
    let key: string | null;
    try {
      key = await credentials.get(secretName);
    } catch (e) {
      return err({
        kind: 'unauthorized',
        retryable: true,
        maybeApplied: false,
        endpointId: AUTH_ENDPOINT_ID,
        message: `Partner Desk could not read the xConnector API key from the system keychain (${
          e instanceof Error ? e.name : 'unknown error'
        }): unlock the keychain or store the key again in Settings → Connections`,
      });
    }
    if (key === null || key.trim() === '') {
      return err({
        kind: 'unauthorized',
        retryable: false,
        maybeApplied: false,
        endpointId: AUTH_ENDPOINT_ID,
        message: 'No xConnector API key is stored: add it in Settings → Connections',
      });
    }
    cached = key.trim();
    return ok({ [API_KEY_HEADER]: cached });
  };

  return {
    headers() {
      if (cached !== null) return Promise.resolve(ok({ [API_KEY_HEADER]: cached }));
      if (loading === null) {
        loading = load().finally(() => {
          loading = null;
        });
      }
      return loading;
    },
    invalidate(rejected) {
      // Ignore a stale rejection: the key it refers to has already been replaced.
      if (rejected !== undefined && cached !== null && rejected[API_KEY_HEADER] !== cached) return;
      cached = null;
    },
  };
}
