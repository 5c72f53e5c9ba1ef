import { useRef, type KeyboardEvent } from 'react';
import { adminAvailable, useAdminStore } from '../features/admin/store';
import { useNavigationStore, visibleScreens, type Screen } from '../features/navigation/store';
import { LibraryIcon, LiveIcon, LockIcon, LogoMark, SendIcon, SettingsIcon } from './theme/icons';

export const screenTitles: Record<Screen, string> = {
  launch: 'Launch',
  live: 'Live',
  library: 'Library',
  settings: 'Settings',
  admin: 'Admin',
};

const screenIcons = { launch: SendIcon, live: LiveIcon, library: LibraryIcon, settings: SettingsIcon, admin: LockIcon } as const;

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const shortcutModifier = isMac ? '⌘' : 'Ctrl+';

/**
 * Main navigation. One item is in the tab order (the current one); the arrow keys, Home and
 * End move between items, as in a toolbar. Ctrl/⌘+1..5 work from anywhere (see Shell).
 */
export function Sidebar({ version }: { version: string | null }) {
  const current = useNavigationStore((s) => s.screen);
  const screens = visibleScreens(useAdminStore((s) => adminAvailable(s.status)));
  const go = useNavigationStore((s) => s.go);
  const refs = useRef<Partial<Record<Screen, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = screens.indexOf(current);
    const target =
      event.key === 'ArrowDown'
        ? screens[(index + 1) % screens.length]
        : event.key === 'ArrowUp'
          ? screens[(index - 1 + screens.length) % screens.length]
          : event.key === 'Home'
            ? screens[0]
            : event.key === 'End'
              ? screens[screens.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    go(target);
    refs.current[target]?.focus();
  };

  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <LogoMark size={22} />
        <span>Vexa Companion</span>
      </div>
      <nav aria-label="Main">
        <ul className="nav-list" onKeyDown={onKeyDown}>
          {screens.map((screen, index) => {
            const Icon = screenIcons[screen];
            const active = screen === current;
            return (
              <li key={screen}>
                <button
                  ref={(el) => {
                    refs.current[screen] = el;
                  }}
                  type="button"
                  className="nav-item"
                  title={screenTitles[screen]}
                  aria-current={active ? 'page' : undefined}
                  aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+${index + 1}`}
                  tabIndex={active ? 0 : -1}
                  onClick={() => go(screen)}
                >
                  <Icon size={16} />
                  <span>{screenTitles[screen]}</span>
                  <kbd className="nav-shortcut" aria-hidden="true">
                    {shortcutModifier}
                    {index + 1}
                  </kbd>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="spacer" />
      {version ? <div className="sidebar-footer">Version {version}</div> : null}
    </aside>
  );
}
