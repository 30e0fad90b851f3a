// The contract's channel names, for the preload. A sandboxed preload can require nothing but 'electron'
// (and a few built-ins), so it is bundled into one small file; carrying the names here keeps zod and the
// argument schemas out of it (the main process validates every call anyway). The type checks below fail
// the build when these lists and shared/ipc/contract.ts disagree, in either direction.
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/contract.ts';

export const INVOKE_CHANNEL_NAMES = [
  'app:info',
  'cases:list',
  'cases:counts',
  'cases:get',
  'cases:reply',
  'documents:upload',
  'partners:list',
  'transactions:failed',
  'health:get',
  'outbox:deadLetters',
  'outbox:retry',
  'outbox:discard',
  'sync:now',
  'sync:pause',
  'sync:resume',
  'settings:get',
  'settings:update',
  'credentials:set',
  'connections:test',
  'shell:openExternal',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNEL_NAMES = [
  'engine:caseChanged',
  'engine:transactionFailed',
  'engine:healthChanged',
  'engine:outboxChanged',
  'upload:progress',
  'navigate',
  'engine:hostState',
] as const satisfies readonly EventChannel[];

// A channel added to the contract but not listed above makes one of these a type error naming it.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const everyInvokeChannelListed: Missing<InvokeChannel, (typeof INVOKE_CHANNEL_NAMES)[number]> = true;
export const everyEventChannelListed: Missing<EventChannel, (typeof EVENT_CHANNEL_NAMES)[number]> = true;
