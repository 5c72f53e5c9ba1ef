import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { InlineError } from './InlineError';
import './field.css';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  help?: ReactNode;
  /** Shown under the field as an alert and linked to it for screen readers. */
  error?: string | null;
  /** A control inside the field's frame, e.g. a show/hide toggle. */
  trailing?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, help, error, trailing, ref, ...input }: TextFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-control" data-invalid={error ? 'true' : undefined}>
        <input id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
        {trailing}
      </div>
      {error ? <InlineError id={errorId}>{error}</InlineError> : null}
      {help ? (
        <div id={helpId} className="field-help">
          {help}
        </div>
      ) : null}
    </div>
  );
}
