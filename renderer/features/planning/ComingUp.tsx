import { useEffect, useRef, useState } from 'react';
import type { PlanView } from '../../../shared/ipc/planning';
import { localFields, zoneLabel } from '../../../shared/planning/when';
import { Badge, Banner, Bidi, Button, Card, InlineError, TextField } from '../../app/theme';
import { useNavigationStore } from '../navigation/store';
import { cancelPlan, editPlan, loadPlans, setAutoJoin } from './actions';
import { planKey, planState, planWhen, SERVER_TIMING, unavailableLine } from './describe';
import { usePlanningStore } from './store';
import './planning.css';

function EditForm({ plan, onDone }: { plan: PlanView; onDone(): void }) {
  const start = plan.scheduledAt === null ? { date: '', time: '' } : localFields(plan.scheduledAt);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [title, setTitle] = useState(plan.title ?? '');
  const [link, setLink] = useState(plan.link ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [zone] = useState(() => zoneLabel(Date.now()));
  const save = async () => {
    setBusy(true);
    const r = await editPlan(plan, { date, time, title, link });
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.message);
  };
  return (
    <form
      className="when-later"
      aria-label={`Change ${plan.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="when-row">
        <TextField label="Date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        <TextField label="Time" type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
      </div>
      <p className="muted when-zone">Times are in your time zone: {zone}.</p>
      <TextField label="Title" value={title} maxLength={512} onChange={(e) => setTitle(e.target.value)} />
      <TextField label="Meeting link" value={link} onChange={(e) => setLink(e.target.value)} />
      {error ? <InlineError>{error}</InlineError> : null}
      <div className="coming-up-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Save changes
        </Button>
        <Button type="button" onClick={onDone}>
          Keep as it was
        </Button>
      </div>
    </form>
  );
}

function PlanItem({ plan, several }: { plan: PlanView; several: string | null }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const state = planState(plan);
  const change = useRef<HTMLButtonElement>(null);
  // The library's Planned group sent the person here to change this plan: bring it into view.
  const focused = usePlanningStore((s) => s.focusPlan === planKey(plan));
  useEffect(() => {
    if (!focused) return;
    change.current?.scrollIntoView({ block: 'center' });
    change.current?.focus({ preventScroll: true });
    usePlanningStore.setState({ focusPlan: null });
  }, [focused]);
  const run = async (p: Promise<{ ok: boolean; message?: string }>) => {
    setError(null);
    const r = await p;
    if (!r.ok) setError(r.message ?? 'That did not work.');
  };
  return (
    <li className="coming-up-item" data-plan={planKey(plan)}>
      <div className="coming-up-head">
        <Bidi className="meeting-title break">{plan.name}</Bidi>
        <span className="muted">{planWhen(plan)}</span>
        <Badge tone={state.tone}>{state.label}</Badge>
        {plan.calendar ? <span className="muted">From calendar {plan.calendar.name}</span> : null}
        {several ? <span className="muted">on {several}</span> : null}
      </div>
      {editing ? (
        <EditForm plan={plan} onDone={() => setEditing(false)} />
      ) : (
        <div className="coming-up-actions">
          <Button ref={change} size="sm" onClick={() => setEditing(true)} aria-label={`Change ${plan.name}`}>
            Change
          </Button>
          <Button
            size="sm"
            onClick={() => void run(setAutoJoin(plan, !plan.autoJoin))}
            aria-label={plan.autoJoin ? `Skip ${plan.name}` : `Send the bot to ${plan.name} again`}
          >
            {plan.autoJoin ? 'Skip this one' : 'Send the bot again'}
          </Button>
          {/* A calendar's event comes back with its next sync; skipping is how to leave one out. */}
          {plan.calendar ? null : (
            <Button size="sm" variant="danger" onClick={() => void run(cancelPlan(plan))} aria-label={`Cancel ${plan.name}`}>
              Cancel
            </Button>
          )}
        </div>
      )}
      {error ? <InlineError>{error}</InlineError> : null}
    </li>
  );
}

/**
 * The bots the servers will send by themselves, soonest first, with what the person can change.
 * Nothing shows for servers that cannot schedule: Launch's "Later" choice says why.
 */
export function ComingUp() {
  const view = usePlanningStore((s) => s.view);
  const later = usePlanningStore((s) => s.when === 'later');
  const [zone] = useState(() => zoneLabel(Date.now()));
  useEffect(() => {
    void loadPlans();
  }, []);
  const anyAvailable = view?.servers.some((s) => s.available) ?? false;
  if (!view || !anyAvailable) return null;
  const several = view.servers.length > 1;
  const plans = view.servers.flatMap((s) => s.plans.map((p) => ({ p, label: several ? s.label : null })));
  plans.sort((a, b) => (a.p.scheduledAt ?? Infinity) - (b.p.scheduledAt ?? Infinity));
  const unavailable = view.servers.filter((s) => !s.available);
  return (
    <Card
      className="coming-up"
      title="Coming up"
      // The "Later" form says the same just above.
      description={later ? undefined : SERVER_TIMING}
      actions={
        view.servers.some((s) => s.calendars) ? (
          <Button size="sm" onClick={() => useNavigationStore.getState().go('settings')}>
            Calendars…
          </Button>
        ) : undefined
      }
    >
      {view.servers
        .filter((s) => s.error)
        .map((s) => (
          <Banner key={`${s.serverId}-error`} tone="warn" title="Coming up may be out of date">
            {s.error}
          </Banner>
        ))}
      {plans.length === 0 ? <p className="muted">Nothing scheduled. Choose “Later” above to send a bot at a set time.</p> : null}
      {plans.length > 0 ? (
        <ul className="coming-up-list" aria-label="Coming up">
          {plans.map(({ p, label }) => (
            <PlanItem key={planKey(p)} plan={p} several={label} />
          ))}
        </ul>
      ) : null}
      {plans.length > 0 ? <p className="muted when-zone">Times are in your time zone: {zone}.</p> : null}
      {unavailable.map((s) => (
        <p key={s.serverId} className="muted coming-up-unavailable">
          {unavailableLine(s.label)}
        </p>
      ))}
    </Card>
  );
}
