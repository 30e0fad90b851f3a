// Turns engine events into one line per action for the headless demo, so a person watching the
// terminal sees issues created, alerts raised, retries and dead letters as they happen.
import type { Engine } from '../engine/engine.ts';
import { describeReconcile } from '../referenceData/reconcileReport.ts';
import { CASE_SYNC_OPERATIONS_DONE } from './demoCaseSync.ts';

const OPERATION_DONE: Record<string, string> = {
  'tg.createIssue': 'issue created in Trading Grid',
  'tg.createAlert': 'partner alert raised in Trading Grid',
  'xc.linkException': 'link stored on the xConnector exception',
  'desktop.notify': 'desktop notification shown',
  'tg.putDirectoryRecord': 'reference record written to the Trading Grid directory',
  'tg.deleteDirectoryRecord': 'reference record deleted from the Trading Grid directory',
  'tg.escalateIssue': 'SLA escalation applied to the Trading Grid issue (priority, support tier, comment)',
  'xc.triggerWorkflow': 'escalation workflow started in xConnector',
  'tg.attachDocument': 'dispute document handled for the Trading Grid issue',
  ...CASE_SYNC_OPERATIONS_DONE,
};

export function printEngineActivity(engine: Engine, write: (line: string) => void): void {
  const time = () => new Date().toISOString().slice(11, 19);
  const line = (symbol: string, text: string) => write(`${time()} ${symbol} ${text}`);
  engine.on('caseCreated', (e) => line('+', `case ${e.caseId} opened: ${e.title}`));
  engine.on('transactionFailed', (e) =>
    line('!', `transaction ${e.transactionId} (${e.documentType}) ${e.status}: ${e.summary}`),
  );
  engine.on('delivered', (e) =>
    line(
      '✓',
      `${OPERATION_DONE[e.operation] ?? e.operation}${e.remoteId ? ` (${e.remoteId})` : ''}${e.recovered ? ' — found by correlation reference after a lost response' : ''}`,
    ),
  );
  engine.on('documentProgress', (p) => {
    if (p.state === 'attached') line('📎', `document "${p.name}" attached to case ${p.caseId}`);
    else if (p.state === 'failed' || p.state === 'refused')
      line('✗', `document "${p.name}": ${p.message ?? p.state}`);
  });
  engine.on('retryScheduled', (e) =>
    line('↻', `retry ${e.attempt} of ${e.operation} in ${Math.round(e.inMs)} ms: ${e.error}`),
  );
  engine.on('deadLettered', (e) => line('✗', `dead letter #${e.outboxId} (${e.operation}): ${e.reason}`));
  engine.on('quarantined', (e) =>
    line('⚠', `quarantined ${e.itemId ?? 'an item'} from ${e.feed}: ${e.reason}`),
  );
  engine.on('referenceReconciled', (r) => line('⇄', describeReconcile(r)));
  engine.on('healthChanged', (h) =>
    line('•', `${h.system} is ${h.state}${h.lastError && h.state !== 'ok' ? `: ${h.lastError}` : ''}`),
  );
}
