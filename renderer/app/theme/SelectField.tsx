import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { ChevronIcon } from './icons';
import './field.css';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  help?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  ref?: Ref<HTMLSelectElement>;
}

/** A native select in the text field's frame: native keyboard behaviour and type-to-find for free. */
export function SelectField({ label, help, options, ref, ...select }: SelectFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-control field-select">
        <select id={id} ref={ref} aria-describedby={help ? helpId : undefined} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronIcon size={14} className="field-select-chevron" />
      </div>
      {help ? (
        <div id={helpId} className="field-help">
          {help}
        </div>
      ) : null}
    </div>
  );
}
