// What a Trading Grid issue says about an xConnector exception: a title a partner understands, the
// references and amounts that identify the problem, and the mapped type and priority.
import type { Mappings } from '../../shared/config/mappings.ts';
import type { PartnerException } from '../../shared/domain/exception.ts';
import type { NewIssue } from '../../shared/domain/issue.ts';

const KIND_LABEL: Record<PartnerException['kind'], string> = {
  shipment: 'Shipment exception',
  invoice: 'Invoice exception',
  order: 'Order exception',
};

const REFERENCE_LABEL: Record<string, string> = {
  poNumber: 'PO number',
  invoiceNumber: 'Invoice number',
  asnNumber: 'ASN number',
  shipmentId: 'Shipment',
  transactionId: 'Transaction',
};

export function exceptionCorrelationRef(exceptionId: string): string {
  return `pd:exc:${exceptionId}`;
}

function formatMoney(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}

export function describeAmounts(a: NonNullable<PartnerException['amounts']>): string | null {
  const parts: string[] = [];
  if (a.expected !== undefined) parts.push(`expected ${formatMoney(a.expected, a.currency)}`);
  if (a.actual !== undefined) parts.push(`actual ${formatMoney(a.actual, a.currency)}`);
  if (a.expected !== undefined && a.actual !== undefined)
    parts.push(`difference ${formatMoney(a.actual - a.expected, a.currency)}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function issueFromException(e: PartnerException, partnerName: string, mappings: Mappings): NewIssue {
  const refs = Object.entries(e.references)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0)
    .map(([k, v]) => `${REFERENCE_LABEL[k] ?? k}: ${v}`);
  const amounts = e.amounts ? describeAmounts(e.amounts) : null;
  const lines = [
    `${KIND_LABEL[e.kind]} for ${partnerName}: ${e.summary}`,
    e.description ? `\n${e.description}` : null,
    refs.length > 0 ? `\nReferences:\n${refs.map((r) => `- ${r}`).join('\n')}` : null,
    amounts ? `\nAmounts: ${amounts}` : null,
    `\nDetected ${e.detectedAt} (xConnector exception ${e.id}, severity ${e.severity}).`,
  ].filter((l): l is string => l !== null);
  const mainRef =
    e.references.poNumber ?? e.references.invoiceNumber ?? e.references.asnNumber ?? e.references.shipmentId;
  const title = `${KIND_LABEL[e.kind]}${mainRef ? ` ${mainRef}` : ''}: ${e.summary}`;
  return {
    title: title.length > 500 ? `${title.slice(0, 499)}…` : title,
    description: lines.join('\n').slice(0, 20_000),
    type: mappings.tradingGrid.issueTypeByExceptionKind[e.kind],
    priority: mappings.tradingGrid.priorityBySeverity[e.severity],
    supportTier: 1,
    correlationRef: exceptionCorrelationRef(e.id),
    externalRefs: [{ system: 'xconnector', kind: 'exception', id: e.id }],
  };
}
