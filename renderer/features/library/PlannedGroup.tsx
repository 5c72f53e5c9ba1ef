import { useEffect, useId, useState } from 'react';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { zoneLabel } from '../../../shared/planning/when';
import { formatDateTime } from '../../app/format';
import { Badge, Bidi, PlatformMark } from '../../app/theme';
import { ChevronIcon } from '../../app/theme/icons';
import { useNavigationStore } from '../navigation/store';
import { loadPlans } from '../planning/actions';
import { planKey, planState, planWhen } from '../planning/describe';
import { usePlanningStore } from '../planning/store';
import { libraryTitle, meetingStatus, platformLabel } from './describe';
import { plannedItems, type PlannedItem } from './plannedItems';
import { ServerChip } from './ServerChip';
import { rowServerLabel } from './servers';
import { useLibraryStore } from './store';

function Item({ item, serverLabel, onOpen }: { item: PlannedItem; serverLabel: string; onOpen(meeting: LibraryMeetingView): void }) {
  const { plan, meeting } = item;
  // A plan is changed where Coming up lists it (Launch); a row whose plan cannot be read now opens its page.
  const open = () => {
    if (plan) {
      usePlanningStore.setState({ focusPlan: planKey(plan) });
      useNavigationStore.getState().go('launch');
    } else if (meeting) onOpen(meeting);
  };
  const state = plan ? planState(plan) : meeting ? meetingStatus(meeting.status) : null;
  const platform = plan?.platform ?? meeting?.platform ?? 'unknown';
  const title = plan?.name ?? (meeting ? libraryTitle(meeting) : '');
  const when = plan ? planWhen(plan) : item.at ? formatDateTime(item.at) : null;
  const serverId = plan?.serverId ?? meeting!.serverId;
  return (
    <li>
      <button
        type="button"
        className="planned-item"
        onClick={open}
        aria-description={plan ? 'Opens Coming up on Launch, where it can be changed, skipped or cancelled' : undefined}
      >
        <PlatformMark platform={platform} />
        <span className="meeting-main">
          <Bidi className="meeting-title break">{title}</Bidi>
          <span className="meeting-meta muted">
            <ServerChip serverId={serverId} label={meeting ? rowServerLabel(meeting) : serverLabel} />
            {platformLabel(platform)}
            {when ? ` · ${when}` : ''}
          </span>
        </span>
        {state ? <Badge tone={state.tone}>{state.label}</Badge> : null}
        {plan ? <span className="planned-change muted">Change…</span> : null}
      </button>
    </li>
  );
}

/**
 * Meetings planned on the server (G3 `idle`/`scheduled`) that have not happened, apart from the
 * rest and collapsible, in the words and times of Launch's Coming up, where each is changed.
 */
export function PlannedGroup({ meetings, onOpen }: { meetings: LibraryMeetingView[]; onOpen(meeting: LibraryMeetingView): void }) {
  const open = useLibraryStore((s) => s.plannedOpen);
  const setOpen = useLibraryStore((s) => s.setPlannedOpen);
  const filters = useLibraryStore((s) => s.filters);
  const plans = usePlanningStore((s) => s.view);
  const [zone] = useState(() => zoneLabel(Date.now()));
  const id = useId();
  useEffect(() => {
    if (!usePlanningStore.getState().view) void loadPlans();
  }, []);
  const items = plannedItems(meetings, plans, filters);
  if (items.length === 0) return null;
  return (
    <section className="disclosure planned-group" aria-labelledby={`${id}-title`}>
      <h2 className="disclosure-heading" id={`${id}-title`}>
        <button type="button" className="disclosure-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          <ChevronIcon size={14} className="disclosure-chevron" />
          Planned
          <span className="planned-count">{items.length}</span>
        </button>
      </h2>
      {open ? (
        <div id={id}>
          <ul className="planned-list" aria-label="Planned meetings">
            {items.map((item) => (
              <Item
                key={item.key}
                item={item}
                serverLabel={plans?.servers.find((s) => s.serverId === item.plan?.serverId)?.label ?? ''}
                onOpen={onOpen}
              />
            ))}
          </ul>
          {items.some((i) => i.plan) ? <p className="muted planned-zone">Times are in your time zone: {zone}.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
