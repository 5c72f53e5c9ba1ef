import { useId, type ReactElement, cloneElement } from 'react';
import './tooltip.css';

/**
 * Shows `text` on hover and keyboard focus and links it with aria-describedby, so the reason a
 * control is unavailable reaches screen readers too. The child must be focusable.
 */
export function Tooltip({
  text,
  children,
  placement = 'top',
}: {
  text: string;
  children: ReactElement<{ 'aria-describedby'?: string }>;
  /** `bottom-end` suits controls at the top right of the window, where a tooltip above would be cut off. */
  placement?: 'top' | 'bottom-end';
}) {
  const id = useId();
  return (
    <span className="tooltip-anchor">
      {cloneElement(children, { 'aria-describedby': id })}
      <span role="tooltip" id={id} className={placement === 'top' ? 'tooltip' : 'tooltip tooltip-bottom-end'}>
        {text}
      </span>
    </span>
  );
}
