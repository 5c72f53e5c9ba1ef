import { useId, type ReactNode } from 'react';
import './card.css';

export interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Controls at the right of the header. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** A titled card is a labelled region, so screen-reader users can jump between sections. */
export function Card({ title, description, actions, children, className }: CardProps) {
  const id = useId();
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={title ? id : undefined}>
      {title || actions ? (
        <header className="card-header">
          <div>
            {title ? <h2 id={id}>{title}</h2> : null}
            {description ? <p className="card-description">{description}</p> : null}
          </div>
          {actions}
        </header>
      ) : null}
      {children ? <div className="card-body">{children}</div> : null}
    </section>
  );
}
