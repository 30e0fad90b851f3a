// One entry of an editable list in the settings (a routing rule, a calendar, an SLA policy, a ladder
// step): a titled group, the errors about the entry as a whole, its fields, and the controls to move or
// remove it. Every list editor hands its entries the same props (ListItemProps).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { FieldErrors } from '../lib/settingsForm.ts';
import { errorsAt, leftoverErrors } from '../lib/settingsForm.ts';
import { ErrorList } from './FormField.tsx';
import { RowControls } from './fields.tsx';

export interface ListItemProps<Row> {
  row: Row;
  index: number;
  count: number;
  errors: FieldErrors;
  change(patch: Partial<Row>): void;
  move(by: -1 | 1): void;
  remove(): void;
  /** Just added: the entry's first field takes focus when it appears. */
  isNew?: boolean;
}

/** Errors of one field of an entry: `at('calendar')` reads `<entry path>.calendar`. */
export const fieldErrorsOf = (errors: FieldErrors, path: string) => (field: string) =>
  errorsAt(errors, `${path}.${field}`);

export function ListItemCard({
  title,
  path,
  fields,
  what,
  item,
  movable = true,
  children,
}: {
  title: string;
  /** The entry's setting path, e.g. `sla.policies[2]`. */
  path: string;
  /** The fields the card shows, relative to `path`; errors elsewhere in the entry are listed on top. */
  fields: readonly string[];
  /** The entry as a screen reader names it in the controls: "SLA policy 2 (gold)". */
  what: string;
  /** Where the entry stands and what it can do (the entry's own ListItemProps). */
  item: Omit<ListItemProps<unknown>, 'row' | 'change'>;
  movable?: boolean;
  children: ReactNode;
}) {
  const errorsId = useId();
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (item.isNew) group.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    // Only when the entry first appears: later renders must not pull focus back to it.
  }, []);
  const own = leftoverErrors(
    item.errors,
    path,
    fields.map((f) => `${path}.${f}`),
  );
  return (
    <fieldset
      ref={group}
      className="settings-subsection settings-card"
      aria-describedby={own.length > 0 ? errorsId : undefined}
    >
      <legend>{title}</legend>
      <ErrorList id={errorsId} errors={own} />
      {children}
      <RowControls
        what={what}
        index={item.index}
        count={item.count}
        onMove={movable ? item.move : undefined}
        onRemove={item.remove}
      />
    </fieldset>
  );
}
