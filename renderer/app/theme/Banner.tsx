import type { ReactNode } from 'react';
import { ErrorIcon, FlaskIcon, InfoIcon, WarnIcon } from './icons';
import './banner.css';

export type BannerTone = 'info' | 'warn' | 'error' | 'demo';

const toneIcon = { info: InfoIcon, warn: WarnIcon, error: ErrorIcon, demo: FlaskIcon } as const;

export interface BannerProps {
  tone?: BannerTone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** Errors interrupt a screen reader; other tones are read when reached. */
  live?: boolean;
}

export function Banner({ tone = 'info', title, children, actions, live = tone === 'error' }: BannerProps) {
  const Icon = toneIcon[tone];
  return (
    <div className={`banner banner-${tone}`} role={live ? 'alert' : undefined} data-tone={tone}>
      <Icon size={16} />
      <div className="banner-body">
        {title ? <div className="banner-title">{title}</div> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {actions ? <div className="banner-actions">{actions}</div> : null}
    </div>
  );
}
