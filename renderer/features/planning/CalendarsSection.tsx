import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CalendarView, PlanView } from '../../../shared/ipc/planning';
import { Badge, Banner, Bidi, Button, Card, InlineError, TextField } from '../../app/theme';
import { formatDateTime } from '../../app/format';
import { announce } from '../announcer/store';
import { addCalendar, loadCalendars, loadPlans, removeCalendar, setAutoJoin, syncCalendar, updateCalendar } from './actions';
import { planState, planWhen } from './describe';
import { usePlanningStore } from './store';
import './planning.css';

function syncLine(c: CalendarView): string {
  if (c.lastError) return `Last sync failed: ${c.lastError}`;
  if (c.lastSync) return `Synced ${formatDateTime(c.lastSync)}`;
  return 'Not synced yet';
}

function Feed({ feed, serverId, next }: { feed: CalendarView; serverId: string; next: PlanView[] }) {
  const [botName, setBotName] = useState(feed.botName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const id = useId();
  const run = async (what: string, p: Promise<{ ok: boolean; message?: string }>) => {
    setBusy(what);
    setError(null);
    const r = await p;
    setBusy(null);
    if (!r.ok) setError(r.message ?? 'That did not work.');
    return r.ok;
  };
  return (
    <li className="calendar-item" aria-label={`Calendar ${feed.name}`}>
      <div className="coming-up-head">
        <Bidi className="meeting-title">{feed.name}</Bidi>
        <span className="muted">{feed.maskedUrl}</span>
      </div>
      <p className={feed.lastError ? 'field-error' : 'muted'}>{syncLine(feed)}</p>
      <label className="switch-row" htmlFor={`${id}-auto`}>
        <span className="switch-text">
          <span className="switch-label">Bots join this calendar’s meetings by themselves</span>
        </span>
        <input
          id={`${id}-auto`}
          type="checkbox"
          role="switch"
          className="switch"
          checked={feed.autoJoin}
          onChange={(e) => void run('auto', updateCalendar({ serverId, id: feed.id, autoJoin: e.target.checked }))}
        />
      </label>
      <form
        className="calendar-botname"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void run('name', updateCalendar({ serverId, id: feed.id, botName })).then(
            (ok) => ok && announce(`Bots from ${feed.name} are now called ${botName}.`),
          );
        }}
      >
        <TextField label="Bot name for this calendar" value={botName} maxLength={100} onChange={(e) => setBotName(e.target.value)} />
        <Button type="submit" busy={busy === 'name'} disabled={botName.trim() === feed.botName || !botName.trim()}>
          Save bot name
        </Button>
      </form>
      {next.length > 0 ? (
        <ul className="coming-up-list" aria-label={`Next meetings of ${feed.name}`}>
          {next.map((p) => (
            <li key={p.id} className="coming-up-head">
              <Bidi className="break">{p.name}</Bidi>
              <span className="muted">{planWhen(p)}</span>
              {/* Said as Coming up says it; nothing while the whole calendar's auto-join is off. */}
              {!p.autoJoin || feed.autoJoin ? <Badge tone={planState(p).tone}>{planState(p).label}</Badge> : null}
              <Button
                size="sm"
                onClick={() => void run('skip', setAutoJoin(p, !p.autoJoin))}
                aria-label={p.autoJoin ? `Skip ${p.name}` : `Send the bot to ${p.name} again`}
              >
                {p.autoJoin ? 'Skip this one' : 'Send the bot again'}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No meetings in the next two weeks.</p>
      )}
      <div className="coming-up-actions">
        <Button
          size="sm"
          busy={busy === 'sync'}
          onClick={() =>
            void run(
              'sync',
              syncCalendar({ serverId, id: feed.id }).then((r) => {
                if (r.ok) announce(r.value.lastError ? `Sync of ${feed.name} failed: ${r.value.lastError}` : `${feed.name} synced.`);
                return r;
              }),
            )
          }
        >
          Sync now
        </Button>
        <Button
          size="sm"
          variant="danger"
          busy={busy === 'remove'}
          onClick={() => void run('remove', removeCalendar({ serverId, id: feed.id }))}
        >
          Remove
        </Button>
      </div>
      {error ? <InlineError>{error}</InlineError> : null}
    </li>
  );
}

function AddFeed({ serverId, full, limit }: { serverId: string; full: boolean; limit: number }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [botName, setBotName] = useState('');
  const [autoJoin, setAutoJoinOn] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Give the calendar a name, for example Work.');
    if (!/^https?:\/\//i.test(url.trim()))
      return setError('Paste the calendar’s secret address in iCal format: it starts with https:// and usually ends in .ics.');
    setBusy(true);
    setError(null);
    const r = await addCalendar({ serverId, name: name.trim(), icsUrl: url.trim(), autoJoin, botName });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setName('');
    setUrl('');
    setBotName('');
    announce(
      r.value.lastError ? `${r.value.name} added, but its first sync failed: ${r.value.lastError}` : `${r.value.name} added and synced.`,
    );
    void loadPlans();
  };
  if (full) return <p className="muted">You follow {limit} calendars, the most one Vexa account can have. Remove one to add another.</p>;
  return (
    <form className="when-later calendar-add" aria-label="Add a calendar" onSubmit={(e) => void submit(e)} noValidate>
      <h3 className="calendar-add-title">Add a calendar</h3>
      <TextField label="Name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="Work" />
      <TextField
        label="Secret address in iCal format"
        value={url}
        maxLength={2048}
        onChange={(e) => setUrl(e.target.value)}
        help="In Google Calendar: Settings → your calendar → Integrate calendar. In Outlook: Settings → Calendar → Shared calendars → Publish. Anyone with this address can read the calendar; the server keeps it and never shows it again."
      />
      <TextField
        label="Bot name (optional)"
        value={botName}
        maxLength={100}
        onChange={(e) => setBotName(e.target.value)}
        placeholder="Vexa"
      />
      <label className="switch-row">
        <span className="switch-text">
          <span className="switch-label">Bots join this calendar’s meetings by themselves</span>
        </span>
        <input type="checkbox" role="switch" className="switch" checked={autoJoin} onChange={(e) => setAutoJoinOn(e.target.checked)} />
      </label>
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="coming-up-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Add calendar
        </Button>
      </div>
    </form>
  );
}

const NO_PLANS: PlanView[] = [];

/** Calendar feeds of the current server: each with its bot name, auto-join, next meetings, sync and removal. */
export function CalendarsSection({ serverId }: { serverId: string }) {
  const view = usePlanningStore((s) => s.calendars);
  const error = usePlanningStore((s) => s.calendarsError);
  // The same empty list every time: a new one per read would make the store look changed on every
  // render, and React would re-render until it gives up (error #185).
  const plans = usePlanningStore((s) => s.view?.servers.find((x) => x.serverId === serverId)?.plans ?? NO_PLANS);
  useEffect(() => {
    void loadCalendars(serverId);
    void loadPlans();
  }, [serverId]);
  const shown = view && view.serverId === serverId ? view : null;
  return (
    <Card
      title="Calendars"
      description="Follow up to ten calendars by their secret iCal address. Their meetings appear in Coming up, and a bot joins each one by itself about 2 minutes before it starts."
    >
      {error ? (
        <Banner tone="error" title="The calendars could not be read">
          {error}
        </Banner>
      ) : null}
      {shown && !shown.available ? (
        <Banner tone="info" title="Calendars are not available on this server">
          {shown.reason}
        </Banner>
      ) : null}
      {shown?.available ? (
        <>
          {shown.calendars.length > 0 ? (
            <ul className="calendar-list" aria-label="Calendars">
              {shown.calendars.map((c) => (
                <Feed key={c.id} feed={c} serverId={serverId} next={plans.filter((p) => p.calendar?.id === c.id).slice(0, 5)} />
              ))}
            </ul>
          ) : null}
          <AddFeed serverId={serverId} full={shown.calendars.length >= shown.limit} limit={shown.limit} />
        </>
      ) : null}
    </Card>
  );
}
