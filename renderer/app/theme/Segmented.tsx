import { useId, type ReactNode } from 'react';
import './segmented.css';

export interface SegmentedOption<T extends string | number> {
  value: T;
  label: ReactNode;
  /** Shown as the segment's tooltip. */
  help?: string;
}

export interface SegmentedProps<T extends string | number> {
  options: ReadonlyArray<SegmentedOption<T>>;
  value: T;
  onChange(value: T): void;
  /** The radio group's name; one is made up when absent. */
  name?: string;
  /** Marks the checked radio for a dialog's initial focus. */
  autoFocusChecked?: boolean;
}

/**
 * Mutually exclusive choices drawn as one control. Each segment is a real radio covering its
 * area, so clicks, arrow keys and screen readers work natively; the caller wraps it in a
 * fieldset with a legend (and disables the fieldset to disable it).
 */
export function Segmented<T extends string | number>({ options, value, onChange, name, autoFocusChecked = false }: SegmentedProps<T>) {
  const fallbackName = useId();
  return (
    <div className="segmented-options">
      {options.map((o) => {
        const checked = o.value === value;
        return (
          <label key={String(o.value)} className="segmented-option radio-card" data-checked={checked} title={o.help}>
            <input
              type="radio"
              name={name ?? fallbackName}
              value={String(o.value)}
              checked={checked}
              data-autofocus={(autoFocusChecked && checked) || undefined}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        );
      })}
    </div>
  );
}
