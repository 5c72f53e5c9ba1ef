import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { AdminUserView } from '../../../shared/ipc/admin';
import { formatDateTime } from '../../app/format';
import { Bidi } from '../../app/theme';
import { userLabel } from './describe';

const ROW_HEIGHT = 56;

/** Focuses a row once the virtualizer has rendered it. */
function focusRow(list: HTMLElement | null, index: number, tries = 4): void {
  const button = list?.querySelector<HTMLButtonElement>(`.admin-user-open[data-row="${index}"]`);
  if (button) button.focus();
  else if (tries > 0) requestAnimationFrame(() => focusRow(list, index, tries - 1));
}

function UserRow({ user, index, onOpen }: { user: AdminUserView; index: number; onOpen(user: AdminUserView): void }) {
  const label = userLabel(user);
  const showEmail = user.email && user.email !== label;
  return (
    <button type="button" className="admin-user-open" data-row={index} onClick={() => onOpen(user)}>
      <span className="admin-user-main">
        <span className="admin-user-name">
          <Bidi>{label}</Bidi>
        </span>
        {showEmail ? (
          <span className="admin-user-email muted">
            <Bidi>{user.email}</Bidi>
          </span>
        ) : null}
      </span>
      <span className="admin-user-meta muted">
        <span>#{user.id}</span>
        {user.maxConcurrentBots !== null ? <span>{user.maxConcurrentBots} bots at once</span> : null}
        {user.createdAt !== null ? <span>since {formatDateTime(user.createdAt)}</span> : null}
      </span>
    </button>
  );
}

/**
 * Thousands of users: only the rows in view are in the DOM, aria-setsize keeps the real length
 * audible. Arrow keys, Page Up/Down, Home and End move between rows.
 */
export function UserList({
  users,
  focusId,
  onOpen,
}: {
  users: AdminUserView[];
  /** The user to focus when the list appears (the one whose page was just left). */
  focusId: string | null;
  onOpen(user: AdminUserView): void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler here, so the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: users.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => users[index]?.id ?? index,
  });

  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || focusId === null) return;
    restored.current = true;
    const index = users.findIndex((u) => u.id === focusId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    focusRow(scrollRef.current, index);
  }, [focusId, users, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('admin-user-open')) return;
    const index = Number(target.dataset.row);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: users.length - 1,
      PageDown: index + 8,
      PageUp: index - 8,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(users.length - 1, next));
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    focusRow(scrollRef.current, clamped);
  };

  return (
    <div ref={scrollRef} className="admin-user-scroll">
      <ul className="admin-user-list" aria-label="Users" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((item) => {
          const user = users[item.index];
          if (!user) return null;
          return (
            <li
              key={item.key}
              className="admin-user-row"
              aria-setsize={users.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <UserRow user={user} index={item.index} onOpen={onOpen} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
