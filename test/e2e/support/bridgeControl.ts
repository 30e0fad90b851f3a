// The specs' side of the bridge's test controls (/__test/…) and a direct line to the desk service
// (/__bridge/invoke), used to learn the engine's own answer so the screen can be checked against it.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type {
  CaseCounts,
  CaseSummary,
  DeadLetterDto,
  FailedTransactionDto,
} from '../../../shared/ipc/dto.ts';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../../shared/ipc/contract.ts';
import type { NotificationRequest } from '../../../electron/engine/notifier.ts';
import type { Attachment } from '../../../shared/domain/document.ts';

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  const body = (await response.json()) as T & { error?: string };
  expect(response.ok(), `${response.url()} answered ${response.status()}: ${body.error ?? ''}`).toBe(true);
  return body;
}

export async function engineAsk<C extends InvokeChannel>(
  request: APIRequestContext,
  channel: C,
  args: InvokeArgs<C>,
): Promise<InvokeResult<C>> {
  return (
    await json<{ result: InvokeResult<C> }>(
      await request.post('/__bridge/invoke', { data: { channel, args } }),
    )
  ).result;
}

export interface WorldSummary {
  cases: number;
  failedTransactions: number;
  outbox: { pending: number; done: number; dead: number; discarded: number };
  notifications: number;
}

/** A fresh world (new simulators, new engine, synced): each spec file starts from the same seed. */
export async function resetWorld(
  request: APIRequestContext,
  options: Record<string, number> = {},
): Promise<WorldSummary> {
  return json(await request.post('/__test/reset', { data: options, timeout: 120_000 }));
}

export async function worldState(request: APIRequestContext): Promise<WorldSummary> {
  return json(await request.get('/__test/state'));
}

/** xConnector reports newly failed transactions; the engine has synced them when this returns. */
export async function failTransactions(
  request: APIRequestContext,
  count = 1,
): Promise<FailedTransactionDto[]> {
  return (
    await json<{ transactions: FailedTransactionDto[] }>(
      await request.post('/__test/transactions/fail', { data: { count } }),
    )
  ).transactions;
}

export async function notificationRequests(request: APIRequestContext): Promise<NotificationRequest[]> {
  return json(await request.get('/__test/notifications'));
}

/** Trading Grid refuses every alert until the faults are cleared; returns the resulting dead letter. */
export async function createDeadLetter(
  request: APIRequestContext,
): Promise<{ transactionId: string; correlationRef: string; deadLetter: DeadLetterDto }> {
  return json(await request.post('/__test/dead-letter', { timeout: 45_000 }));
}

export async function setFaults(
  request: APIRequestContext,
  system: 'xconnector' | 'trading-grid',
  faults: Record<string, unknown>,
): Promise<void> {
  await json(await request.put('/__test/faults', { data: { system, faults } }));
}

export interface TradingGridHoldings {
  issues: number;
  alerts: number;
  /** correlationRefs more than one issue, alert or attachment carries: empty when all is well. */
  duplicates: string[];
  /** `issueId sha256` pairs where the same bytes are attached to one issue twice. */
  duplicateContent: string[];
  attachments: Attachment[];
  issuesWithRef?: number;
  alertsWithRef?: number;
}

export async function tradingGrid(
  request: APIRequestContext,
  query: { correlationRef?: string; issueId?: string } = {},
): Promise<TradingGridHoldings> {
  const params = new URLSearchParams(
    Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][],
  );
  return json(await request.get(`/__test/trading-grid?${params}`));
}

/** What a notification click does: the main process sends `navigate` to the window. */
export async function navigateWindow(page: Page, request: APIRequestContext, target: string): Promise<void> {
  // An event sent before the page's event stream is open would be lost, as it would before the
  // renderer subscribed in Electron; wait for the stream first.
  await expect(page.locator('html')).toHaveAttribute('data-bridge-events', 'open');
  await json(await request.post('/__test/navigate', { data: { target } }));
}

export async function caseCounts(request: APIRequestContext): Promise<CaseCounts> {
  return engineAsk(request, 'cases:counts', {});
}

export async function firstCases(
  request: APIRequestContext,
  limit: number,
  query: Record<string, string> = {},
) {
  return engineAsk(request, 'cases:list', { ...query, limit }) as Promise<{
    items: CaseSummary[];
    total: number;
  }>;
}

/** A synced case that has its Trading Grid issue: one to drop dispute documents on. */
export async function firstCaseWithIssue(request: APIRequestContext): Promise<CaseSummary> {
  const { items } = await firstCases(request, 50);
  const withIssue = items.find((c) => c.tgIssueId !== null);
  expect(withIssue, 'a synced case with a Trading Grid issue').toBeDefined();
  return withIssue!;
}
