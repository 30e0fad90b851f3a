// An editable list in the settings (routing rules, calendars, SLA policies, ladder steps): its entries,
// each given the same ListItemProps, and an "Add …" button. Keyboard focus is kept where a person
// expects it: a new entry takes focus at its first field, and after a removal focus goes to the list's
// "Add …" button instead of falling back to the page.
import { Fragment, useRef, type ReactNode } from 'react';
import type { FieldErrors } from '../lib/settingsForm.ts';
import { moved } from './formText.ts';
import type { ListItemProps } from './ListItemCard.tsx';

export function EditableList<Row extends { key: number }>({
  rows,
  errors,
  onChange,
  newRow,
  addLabel,
  renderItem,
}: {
  rows: readonly Row[];
  errors: FieldErrors;
  onChange(rows: Row[]): void;
  newRow(): Row;
  addLabel: string;
  renderItem(item: ListItemProps<Row>): ReactNode;
}) {
  const addedKey = useRef<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      {rows.map((row, index) => (
        <Fragment key={row.key}>
          {renderItem({
            row,
            index,
            count: rows.length,
            errors,
            change: (patch) => onChange(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r))),
            move: (by) => onChange(moved(rows, index, by)),
            remove: () => {
              onChange(rows.filter((r) => r.key !== row.key));
              addButton.current?.focus();
            },
            isNew: addedKey.current === row.key,
          })}
        </Fragment>
      ))}
      <button
        type="button"
        className="button"
        ref={addButton}
        onClick={() => {
          const row = newRow();
          addedKey.current = row.key;
          onChange([...rows, row]);
        }}
      >
        {addLabel}
      </button>
    </>
  );
}
