import { useId, type ReactElement, cloneElement } from 'react';
import './tooltip.css';

/**
 * Shows `text` on hover and keyboard focus and links it with aria-describedby, so the reason a
 * control is unavailable reaches screen readers too. The child must be focusable.
 */
export function Tooltip({ text, children }: { text: string; children: ReactElement<{ 'aria-describedby'?: string }> }) {
  const id = useId();
  return (
    <span className="tooltip-anchor">
      {cloneElement(children, { 'aria-describedby': id })}
      <span role="tooltip" id={id} className="tooltip">
        {text}
      </span>
    </span>
  );
}
