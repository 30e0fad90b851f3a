// Turns engine events into one line per action for the headless demo, so a person watching the
// terminal sees issues created, alerts raised, retries and dead letters as they happen.
import type { Engine } from '../engine/engine.ts';

const OPERATION_DONE: Record<string, string> = {
  'tg.createIssue': 'issue created in Trading Grid',
  'tg.createAlert': 'partner alert raised in Trading Grid',
  'xc.linkException': 'link stored on the xConnector exception',
  'desktop.notify': 'desktop notification shown',
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
  engine.on('retryScheduled', (e) =>
    line('↻', `retry ${e.attempt} of ${e.operation} in ${Math.round(e.inMs)} ms: ${e.error}`),
  );
  engine.on('deadLettered', (e) => line('✗', `dead letter #${e.outboxId} (${e.operation}): ${e.reason}`));
  engine.on('quarantined', (e) =>
    line('⚠', `quarantined ${e.itemId ?? 'an item'} from ${e.feed}: ${e.reason}`),
  );
  engine.on('healthChanged', (h) =>
    line('•', `${h.system} is ${h.state}${h.lastError && h.state !== 'ok' ? `: ${h.lastError}` : ''}`),
  );
}
