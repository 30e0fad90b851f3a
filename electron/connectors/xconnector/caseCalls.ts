// xConnector's case management and inbound route over HTTP (flows 4, 5, 7): the cases feed, the
// link, comments and steps Partner Desk writes into internal cases, and messages handed to a route.
// Every create carries an Idempotency-Key; lookups keep only exact correlation-reference matches.
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { xConnectorCaseEndpoints as endpoints } from '../../../shared/contracts/xconnectorCases.ts';
import type { HttpClient } from '../../http/httpClient.ts';
import { err, ok } from '../../http/result.ts';
import { checkIdempotencyKey } from '../requestOptions.ts';
import type { XConnectorCasePort } from '../../caseSync/casePorts.ts';

export function createXConnectorCaseCalls(http: HttpClient): XConnectorCasePort {
  const headers = (key: string) => ({ [IDEMPOTENCY_HEADER]: key });
  return {
    casesFeed: (since, limit) =>
      http.call(endpoints.casesFeed, { query: { ...(since !== undefined ? { since } : {}), limit } }),

    async linkCase(caseId, link, key) {
      const refused = checkIdempotencyKey(key, endpoints.linkCase.id, 'xConnector');
      if (refused) return err(refused);
      return http.call(endpoints.linkCase, { params: { id: caseId }, body: link, headers: headers(key) });
    },

    async updateDetails(caseId, update, key) {
      const refused = checkIdempotencyKey(key, endpoints.updateCaseDetails.id, 'xConnector');
      if (refused) return err(refused);
      return http.call(endpoints.updateCaseDetails, {
        params: { id: caseId },
        body: update,
        headers: headers(key),
      });
    },

    async createComment(caseId, comment, key) {
      const refused = checkIdempotencyKey(key, endpoints.createCaseComment.id, 'xConnector');
      if (refused) return err(refused);
      return http.call(endpoints.createCaseComment, {
        params: { id: caseId },
        body: comment,
        headers: headers(key),
      });
    },

    async findCommentsByRef(correlationRef) {
      const r = await http.call(endpoints.findCaseComments, { query: { correlationRef } });
      return r.ok ? ok(r.value.items.filter((c) => c.correlationRef === correlationRef)) : r;
    },

    async addStep(caseId, step, key) {
      const refused = checkIdempotencyKey(key, endpoints.addCaseStep.id, 'xConnector');
      if (refused) return err(refused);
      return http.call(endpoints.addCaseStep, { params: { id: caseId }, body: step, headers: headers(key) });
    },

    async findStepsByRef(correlationRef) {
      const r = await http.call(endpoints.findCaseSteps, { query: { correlationRef } });
      return r.ok ? ok(r.value.items.filter((s) => s.correlationRef === correlationRef)) : r;
    },

    async routeMessage(route, message, key) {
      const refused = checkIdempotencyKey(key, endpoints.routeMessage.id, 'xConnector');
      if (refused) return err(refused);
      return http.call(endpoints.routeMessage, { params: { route }, body: message, headers: headers(key) });
    },

    async findRouteMessagesByRef(correlationRef) {
      const r = await http.call(endpoints.findRouteMessages, { query: { correlationRef } });
      return r.ok ? ok(r.value.items.filter((m) => m.correlationRef === correlationRef)) : r;
    },
  };
}
