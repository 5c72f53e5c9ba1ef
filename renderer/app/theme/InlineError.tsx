import type { ReactNode } from 'react';
import { ErrorIcon } from './icons';
import './field.css';

/** A problem shown where it happened (under a field, in a card), announced as it appears. */
export function InlineError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div id={id} className="field-error" role="alert">
      <ErrorIcon size={14} />
      <span>{children}</span>
    </div>
  );
}
