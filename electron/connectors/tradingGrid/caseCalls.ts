// Trading Grid's issue change feed, comments and status updates over HTTP (flows 4, 5, 7). Every
// create carries an Idempotency-Key; lookups keep only exact correlation-reference matches, so a
// server that ignored the filter cannot make us believe we already wrote something.
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { tradingGridCaseEndpoints as endpoints } from '../../../shared/contracts/tradingGridCases.ts';
import type { HttpClient } from '../../http/httpClient.ts';
import { err, ok } from '../../http/result.ts';
import { checkIdempotencyKey } from '../requestOptions.ts';
import type { TradingGridCasePort } from '../../caseSync/casePorts.ts';

export function createTradingGridCaseCalls(http: HttpClient): TradingGridCasePort {
  const headers = (key: string) => ({ [IDEMPOTENCY_HEADER]: key });
  return {
    issueChangesFeed: (since, limit) =>
      http.call(endpoints.issueChangesFeed, { query: { ...(since !== undefined ? { since } : {}), limit } }),

    async createComment(issueId, comment, key) {
      const refused = checkIdempotencyKey(key, endpoints.createComment.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(endpoints.createComment, {
        params: { issueId },
        body: comment,
        headers: headers(key),
      });
    },

    async findCommentsByRef(correlationRef) {
      const r = await http.call(endpoints.findComments, { query: { correlationRef } });
      return r.ok ? ok(r.value.items.filter((c) => c.correlationRef === correlationRef)) : r;
    },

    async postStatusUpdate(issueId, update, key) {
      const refused = checkIdempotencyKey(key, endpoints.postStatusUpdate.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(endpoints.postStatusUpdate, {
        params: { issueId },
        body: update,
        headers: headers(key),
      });
    },

    async findStatusUpdatesByRef(correlationRef) {
      const r = await http.call(endpoints.findStatusUpdates, { query: { correlationRef } });
      return r.ok ? ok(r.value.items.filter((u) => u.correlationRef === correlationRef)) : r;
    },
  };
}
