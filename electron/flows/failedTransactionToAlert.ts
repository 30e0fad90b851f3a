// Flow 3 — failed transaction → alert. A transaction that fails validation or is rejected raises one
// partner alert in Trading Grid and one desktop notification, its errors explained in plain words.
import { defineFeedFlow } from './feedFlow.ts';
import { parseTransaction } from '../connectors/itemParsing.ts';
import { decodeTransactionErrors } from './transactionErrors.ts';
import { documentLabel } from './documentLabels.ts';
import { defineOperation } from '../sync/outboxOperation.ts';
import { createOnce } from '../sync/createOnce.ts';
import type { NewAlert } from '../../shared/domain/issue.ts';
import type { NotificationRequest } from '../engine/notifier.ts';

interface CreateAlertPayload {
  transactionId: string;
  communityId: string;
  alert: NewAlert;
}

export const transactionsFeedFlow = defineFeedFlow({
  feed: 'xc.transactions',
  system: 'xconnector',
  order: 1,
  fetch: (ports) => ports.xconnector.transactionsFeed,
  parse: parseTransaction,
  apply(t, ctx) {
    const failed = t.status === 'failed' || t.status === 'rejected';
    const decoded = failed ? decodeTransactionErrors(t) : { errors: [], summary: '' };
    ctx.store.transactions.upsert(t, decoded.errors, failed ? decoded.summary : null);
    if (!failed) return;

    const route = ctx.store.directory.routeFor(t.partnerId);
    const partnerName = route?.partnerName ?? t.partnerId;
    const what = `${documentLabel(t.documentType)} ${t.controlNumber}`;
    const verb = t.status === 'rejected' ? 'was rejected' : 'failed';
    // One alert and one notification per failure of a transaction, whatever the feed repeats.
    const failureKey = `txn:${t.id}:${t.status}`;

    const notification: NotificationRequest = {
      id: `notify:${failureKey}`,
      kind: 'transaction_failed',
      partnerId: t.partnerId,
      partnerName: route?.partnerName ?? null,
      title: `${partnerName}: ${what} ${verb}`,
      body: decoded.summary,
      target: `transaction:${t.id}`,
    };
    const isNew = ctx.enqueue({
      idempotencyKey: `desktop.notify:${failureKey}`,
      correlationRef: `pd:txn:${t.id}:${t.status}`,
      system: 'desktop',
      operation: 'desktop.notify',
      orderingKey: `notify:${t.id}`,
      payload: notification,
    });
    if (isNew)
      ctx.emit('transactionFailed', {
        transactionId: t.id,
        partnerId: t.partnerId,
        documentType: t.documentType,
        status: t.status,
        summary: decoded.summary,
      });

    if (!route || !route.communityId) {
      ctx.quarantine({
        feed: 'xc.transactions',
        itemId: t.id,
        reasonKind: 'unknown_partner',
        reason: `No partner alert was raised for transaction ${t.id}: ${route ? `partner ${route.partnerName} has no Trading Grid community` : `xConnector names no partner "${t.partnerId}"`}. It will be raised once the partner directory knows where it goes.`,
        payload: t,
      });
      return;
    }
    const alert: NewAlert = {
      severity: 'error',
      title: `${what} ${verb}`.slice(0, 500),
      message: [
        `${what} from ${partnerName} ${verb}.`,
        decoded.summary,
        ...decoded.errors.slice(0, 20).map((e) => `- ${e.explanation}`),
      ]
        .filter((l) => l.length > 0)
        .join('\n')
        .slice(0, 20_000),
      correlationRef: `pd:txn:${t.id}:${t.status}`,
      transactionRef: { id: t.id, documentType: t.documentType, controlNumber: t.controlNumber },
      errors: decoded.errors.slice(0, 200).map((e) => ({
        code: e.code.slice(0, 64),
        summary: e.summary.slice(0, 500),
        explanation: e.explanation.slice(0, 2000),
      })),
    };
    const payload: CreateAlertPayload = { transactionId: t.id, communityId: route.communityId, alert };
    ctx.enqueue({
      idempotencyKey: `tg.createAlert:${failureKey}`,
      correlationRef: alert.correlationRef,
      system: 'trading-grid',
      operation: 'tg.createAlert',
      orderingKey: `txn:${t.id}`,
      payload,
    });
  },
});

export const createAlertOperation = defineOperation({
  operation: 'tg.createAlert',
  system: 'trading-grid',
  lookupBeforeRetry: true,
  deliver(entry, previousAttempts, { ports }) {
    const p = entry.payload as CreateAlertPayload;
    return createOnce(
      previousAttempts,
      () => ports.tradingGrid.findAlertsByRef(entry.correlationRef),
      () => ports.tradingGrid.createAlert(p.communityId, p.alert, entry.idempotencyKey),
    );
  },
});

export const desktopNotifyOperation = defineOperation({
  operation: 'desktop.notify',
  system: 'desktop',
  lookupBeforeRetry: false,
  async deliver(entry, _previousAttempts, { notifier }) {
    const request = entry.payload as NotificationRequest;
    await notifier.notify(request);
    return { ok: true, value: { remoteId: request.id, recovered: false } };
  },
});
