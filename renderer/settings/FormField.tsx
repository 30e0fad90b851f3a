// A labelled form field with its hint and its error messages, wired for assistive technology: the
// control is described by both, and marked invalid while it has errors.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface Props {
  label: string;
  hint?: string;
  errors?: readonly string[];
  className?: string;
  children(control: ControlProps): ReactNode;
}

export function FormField({ label, hint, errors = [], className, children }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors.length > 0 ? `${id}-errors` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={`form-field${errors.length > 0 ? ' form-field--invalid' : ''}${className ? ` ${className}` : ''}`}
    >
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': errors.length > 0 ? true : undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** Error messages under what they concern: a field, or a whole table or list. */
export function ErrorList({ id, errors }: { id?: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e, i) => (
        <li key={i} className="field-error">
          {e}
        </li>
      ))}
    </ul>
  );
}

/** A checkbox with its label after it, the way people expect to click it. */
export function CheckboxField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="form-field form-field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
