// Where a 997/999 says a problem is, in words a person reads: 'Segment N1 (Name, position 12, loop N1)',
// 'element 4 (N104, Location qualifier)', 'Transaction set 850 (Purchase order), control number 0001', and the
// 999 CTX context. Every value comes from the partner, so each one is cleaned and clipped before it is shown.
import { elementName } from './codes/x12ElementNames.ts';
import { segmentName } from './codes/x12SegmentNames.ts';
import { functionalGroupName, transactionSetName } from './codes/x12TransactionSets.ts';
import { clean, elementTag, quote, toPosition } from './text.ts';
import { code, value } from './x12AckSegments.ts';
import type { X12Delimiters, X12Segment } from './x12Envelope.ts';

export function segmentWhere(
  id: string,
  position: number | undefined,
  loop: string,
  withName: boolean,
): string {
  const parts: string[] = [];
  const name = withName ? segmentName(id) : undefined;
  if (name !== undefined) parts.push(name);
  if (position !== undefined) parts.push(`position ${position}`);
  if (loop !== '') parts.push(`loop ${clean(loop, 10)}`);
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return id === '' ? `A segment${detail}` : `Segment ${clean(id, 10)}${detail}`;
}

export function elementWhere(
  segmentId: string,
  position: number | undefined,
  component: number | undefined,
  repetition: number | undefined,
  reference: string,
): string {
  const baseTag =
    segmentId !== '' && position !== undefined ? elementTag(clean(segmentId, 10), position) : undefined;
  const tag =
    baseTag === undefined ? undefined : component === undefined ? baseTag : `${baseTag}-${component}`;
  const name =
    elementName(reference, baseTag) ??
    (reference === '' ? undefined : `data element ${clean(reference, 10)}`);
  const labels = [tag, name].filter((label) => label !== undefined);
  let head = position === undefined ? 'an element' : `element ${position}`;
  if (component !== undefined) head += `, component ${component}`;
  if (repetition !== undefined) head += `, repetition ${repetition}`;
  return labels.length > 0 ? `${head} (${labels.join(', ')})` : head;
}

/** An AK2 as named by its transaction set ID and control number (either may be missing). */
export function transactionWhere(transaction: { type: string; control: string }): string {
  const name = transactionSetName(transaction.type);
  const type =
    transaction.type === '' ? '' : ` ${clean(transaction.type, 10)}${name === undefined ? '' : ` (${name})`}`;
  const control = transaction.control === '' ? '' : `, control number ${clean(transaction.control, 20)}`;
  return `Transaction set${type}${control}`;
}

/** An AK1 as named by its group control number and functional identifier (either may be missing). */
export function groupWhere(group: { functionalId: string; control: string }): string {
  const control = group.control === '' ? '' : ` ${clean(group.control, 20)}`;
  const kind =
    group.functionalId === ''
      ? ''
      : ` of ${functionalGroupName(group.functionalId) ?? clean(group.functionalId, 10)}`;
  return `Functional group${control}${kind}`;
}

/** The 999 CTX segments as one sentence; a situational trigger names the segment that set the rule off. */
export function contextText(contexts: readonly X12Segment[], delimiters: X12Delimiters): string | undefined {
  const parts = contexts.slice(0, 10).map((ctx) => {
    const [name = '', reference = ''] = value(ctx, 1).split(delimiters.component);
    if (name.trim().toUpperCase() === 'SITUATIONAL TRIGGER') {
      const [element = '', component = ''] = value(ctx, 5).split(delimiters.component);
      const at = segmentWhere(code(ctx, 2), toPosition(value(ctx, 3)), code(ctx, 4), false);
      const elementPart = toPosition(element) === undefined ? '' : `, element ${element.trim()}`;
      const componentPart = toPosition(component) === undefined ? '' : ` component ${component.trim()}`;
      return `the rule was triggered by ${at.charAt(0).toLowerCase()}${at.slice(1)}${elementPart}${componentPart}`;
    }
    return reference.trim() === ''
      ? clean(name.trim(), 40)
      : `${clean(name.trim(), 40)} ${quote(reference.trim(), 40)}`;
  });
  return parts.length === 0 ? undefined : `Context: ${parts.join('; ')}`;
}
