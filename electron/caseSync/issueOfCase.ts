// The Trading Grid issue of a desk case, read when a write is delivered rather than when it was
// enqueued: a comment or status update queued behind the issue's creation (same ordering key) finds
// the issue the creation linked.
import { err, ok, type Result } from '../http/result.ts';
import type { RemoteError } from '../engine/ports.ts';
import type { Store } from '../store/store.ts';

export function issueOfCase(store: Store, caseId: string): Result<string, RemoteError> {
  const issueId = store.cases.get(caseId)?.tgIssueId;
  if (issueId) return ok(issueId);
  return err({
    kind: 'waiting',
    message: `Case ${caseId} has no Trading Grid issue yet; this write waits until the issue exists.`,
    retryable: true,
    maybeApplied: false,
  });
}

/** Runs a create once the case's issue is known; a create whose issue is missing waits and retries. */
export async function withIssue<T>(
  store: Store,
  caseId: string,
  write: (issueId: string) => Promise<Result<T, RemoteError>>,
): Promise<Result<T, RemoteError>> {
  const issue = issueOfCase(store, caseId);
  return issue.ok ? write(issue.value) : issue;
}
