import { useId, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type ToggleEvent } from 'react';
import { Button } from '../../app/theme';
import { ChevronIcon } from '../../app/theme/icons';
import { MoreIcon } from './icons';

/**
 * A menu button on the platform's popover: the browser handles Esc, clicks outside and returning
 * focus to the button; this adds the menu keys (arrows, Home, End) and focuses the first item.
 */

export interface ActionMenuProps {
  /** The button's accessible name; with `compact`, also its tooltip. */
  label: string;
  /** Icon-only button for dense rows. */
  compact?: boolean;
  buttonText?: string;
  buttonIcon?: ReactNode;
  /** `aria-keyshortcuts` of the button: a shortcut that acts on the menu's first use. */
  keyShortcuts?: string;
  children: ReactNode;
}

const itemSelector = '[role="menuitem"]:not([aria-disabled="true"])';

export function ActionMenu({ label, compact = false, buttonText, buttonIcon, keyShortcuts, children }: ActionMenuProps) {
  const id = useId();
  const menu = useRef<HTMLDivElement>(null);
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>(itemSelector) ?? []);

  const onToggle = (event: ToggleEvent<HTMLDivElement>) => {
    if (event.newState === 'open') items()[0]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const target =
      event.key === 'ArrowDown'
        ? list[(index + 1) % list.length]
        : event.key === 'ArrowUp'
          ? list[(index - 1 + list.length) % list.length]
          : event.key === 'Home'
            ? list[0]
            : event.key === 'End'
              ? list[list.length - 1]
              : undefined;
    if (event.key === 'Tab') {
      menu.current?.hidePopover();
      return;
    }
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  return (
    <>
      <Button
        size="sm"
        variant={compact ? 'ghost' : 'secondary'}
        className={compact ? 'action-menu-button action-menu-compact' : 'action-menu-button'}
        icon={compact ? <MoreIcon /> : buttonIcon}
        popoverTarget={id}
        aria-haspopup="menu"
        aria-label={label}
        aria-keyshortcuts={keyShortcuts}
        title={compact ? label : undefined}
      >
        {compact ? null : (
          <>
            {buttonText ?? label}
            <ChevronIcon size={12} className="action-menu-chevron" />
          </>
        )}
      </Button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        className="action-menu"
        onToggle={onToggle}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </>
  );
}

export interface MenuItemProps {
  icon?: ReactNode;
  children: ReactNode;
  /** A second, quieter line (e.g. what a disabled item would need). */
  hint?: string;
  onSelect(): void;
}

/** Closes its menu before acting, so focus is back on the menu button when a dialog opens. */
export function MenuItem({ icon, children, hint, onSelect }: MenuItemProps) {
  const select = (event: MouseEvent<HTMLButtonElement>) => {
    event.currentTarget.closest<HTMLElement>('[popover]')?.hidePopover();
    onSelect();
  };
  return (
    <button type="button" role="menuitem" tabIndex={-1} className="action-menu-item" onClick={select}>
      <span className="action-menu-icon">{icon}</span>
      <span className="action-menu-text">
        <span>{children}</span>
        {hint ? <span className="action-menu-hint">{hint}</span> : null}
      </span>
    </button>
  );
}

export function MenuSeparator() {
  return <div role="separator" className="action-menu-separator" />;
}

/** A labelled run of items; the label is shown and names the group for screen readers. */
export function MenuGroup({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <div id={id} className="action-menu-group">
        {label}
      </div>
      {children}
    </div>
  );
}
