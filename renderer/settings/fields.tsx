// The settings form's fields: a labelled control with its hint and errors (FormField does the wiring for
// assistive technology), one component per kind of control, so each section says only what differs.
import type { HTMLAttributes } from 'react';
import { FormField } from './FormField.tsx';

export { ErrorList } from './FormField.tsx';

interface Common {
  label: string;
  hint?: string;
  errors?: readonly string[];
  disabled?: boolean;
}

export function TextField({
  value,
  onChange,
  type = 'text',
  inputMode,
  maxLength,
  ...field
}: Common & {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'url' | 'time';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
}) {
  return (
    <FormField label={field.label} hint={field.hint} errors={field.errors}>
      {(p) => (
        <input
          {...p}
          type={type}
          inputMode={inputMode ?? (type === 'url' ? 'url' : undefined)}
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLength}
          disabled={field.disabled}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

export function NumberField({
  value,
  onChange,
  min,
  max,
  step = 1,
  ...field
}: Common & {
  value: string;
  onChange(value: string): void;
  min?: number;
  max?: number;
  step?: number | 'any';
}) {
  return (
    <FormField label={field.label} hint={field.hint} errors={field.errors}>
      {(p) => (
        <input
          {...p}
          type="number"
          min={min}
          max={max}
          step={step}
          inputMode={step === 'any' ? 'decimal' : 'numeric'}
          disabled={field.disabled}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

export function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...field
}: Common & { value: T; options: readonly { value: T; label: string }[]; onChange(value: T): void }) {
  return (
    <FormField label={field.label} hint={field.hint} errors={field.errors}>
      {(p) => (
        <select
          {...p}
          disabled={field.disabled}
          value={value}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

export function TextAreaField({
  value,
  onChange,
  maxLength,
  ...field
}: Common & { value: string; onChange(value: string): void; maxLength?: number }) {
  return (
    <FormField label={field.label} hint={field.hint} errors={field.errors} className="form-field--wide">
      {(p) => (
        <textarea
          {...p}
          rows={2}
          maxLength={maxLength}
          disabled={field.disabled}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

/** Move up, move down and remove, for lists whose order matters (the first matching entry wins). */
export function RowControls({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** How the row is named to a screen reader: "routing rule 2 (Invoices go to ERP)". */
  what: string;
  index: number;
  count: number;
  /** Left out where order does not matter. */
  onMove?: (by: -1 | 1) => void;
  onRemove(): void;
}) {
  return (
    <div className="row-controls">
      {onMove && (
        <>
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Move ${what} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            Move up
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Move ${what} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            Move down
          </button>
        </>
      )}
      <button type="button" className="button button--quiet" aria-label={`Remove ${what}`} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
