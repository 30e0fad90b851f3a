// Decides what an answered request means for the caller. Untrusted data is parsed once, here at the edge:
// an unexpected status becomes an HttpError carrying the server's reason, and a success body must be JSON
// that matches the endpoint's response schema before anything inside the engine sees it.
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import { parseRetryAfter } from './backoff.ts';
import { errorBodyInfo } from './errorBody.ts';
import { errorForStatus, invalidResponseError, isWrite } from './httpError.ts';
import type { HttpError, RequestContext } from './httpError.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { sanitizeSnippet } from './sanitize.ts';
import type { Clock } from './time.ts';
import { summarizeIssues } from './zodIssues.ts';

export type CallResult<E extends Endpoint> = Result<z.output<E['response']>, HttpError>;

/** A response whose body has been read (up to the limit for its status). */
export interface Answer {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  text: string;
  truncated: boolean;
}

/** A create may answer 200 (found by its idempotency key) as well as 201. */
export function acceptedStatuses(endpoint: Endpoint): readonly number[] {
  if (endpoint.method === 'POST' && (endpoint.status === 200 || endpoint.status === 201)) return [200, 201];
  return [endpoint.status];
}

function statusFailure(endpoint: Endpoint, ctx: RequestContext, answer: Answer, clock: Clock): HttpError {
  const { status, text } = answer;
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], clock.now());
  const info = errorBodyInfo(text);
  const e = errorForStatus(ctx, status, {
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...info,
  });
  if (e.kind === 'invalid_response' && status >= 200 && status < 300) {
    return invalidResponseError(ctx, `status ${status} where ${endpoint.status} was expected`, {
      status,
      maybeApplied: isWrite(ctx.method),
      bodySnippet: sanitizeSnippet(text),
    });
  }
  return e;
}

/** The call's result for an answer: the validated data, or the error a person can act on. */
export function validateResponse<E extends Endpoint>(
  endpoint: E,
  ctx: RequestContext,
  answer: Answer,
  accepted: boolean,
  maxResponseBytes: number,
  clock: Clock,
): CallResult<E> {
  if (!accepted) return err(statusFailure(endpoint, ctx, answer, clock));
  const { status, text } = answer;
  const write = isWrite(ctx.method);

  if (answer.truncated) {
    return err(
      invalidResponseError(
        ctx,
        `the response is larger than ${Math.round(maxResponseBytes / 1024 / 1024)} MiB`,
        {
          status,
          maybeApplied: write,
        },
      ),
    );
  }

  let data: unknown;
  if (status === 204) {
    data = undefined;
  } else if (text.trim() === '') {
    return err(invalidResponseError(ctx, 'the body is empty', { status, maybeApplied: write }));
  } else {
    try {
      data = JSON.parse(text);
    } catch {
      return err(
        invalidResponseError(ctx, 'the body is not valid JSON', {
          status,
          maybeApplied: write,
          bodySnippet: sanitizeSnippet(text),
        }),
      );
    }
  }
  const parsed = endpoint.response.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return err(
      invalidResponseError(ctx, summarizeIssues(parsed.error.issues), {
        status,
        maybeApplied: write,
        bodySnippet: sanitizeSnippet(text),
      }),
    );
  }
  return ok(parsed.data as z.output<E['response']>);
}
