import { describe, expect, it } from 'vitest';
import type { Clock, NotificationRequest } from '../../../electron/core/ports';
import { ALERT_GAP_MS, HISTORY_MS, WatchWordAlerts } from '../../../electron/core/watchWords/watchWordAlerts';
import type { RenderedSegment } from '../../../shared/transcript';
import type { WatchWordSettings } from '../../../shared/watchWords/settings';
import { quietLogger } from '../../support/logger';

const T0 = Date.UTC(2026, 11, 7, 14, 0, 0);

function manualClock() {
  let now = T0;
  const timers = new Set<{ at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.add(t);
      return { cancel: () => timers.delete(t) };
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of [...timers].sort((a, b) => a.at - b.at)) {
      if (t.at > now || !timers.has(t)) continue;
      timers.delete(t);
      t.fn();
    }
  };
  return { clock, advance };
}

function line(key: string, text: string, at: number, extra: Partial<RenderedSegment> = {}): RenderedSegment {
  return {
    key,
    speaker: 'Ana',
    text,
    start: 0,
    end: 1,
    absoluteStart: at,
    absoluteEnd: at + 2000,
    language: 'en',
    completed: true,
    draft: false,
    ...extra,
  };
}

function setup(words = ['action item', 'deadline']) {
  const c = manualClock();
  const sent: NotificationRequest[] = [];
  const opened: Array<[number, string]> = [];
  let dnd = false;
  let settings: WatchWordSettings = { enabled: true, words };
  const alerts = new WatchWordAlerts({
    serverId: 's1',
    clock: c.clock,
    logger: quietLogger,
    notifier: { notify: (r) => sent.push(r) },
    doNotDisturb: () => dnd,
    settings: () => settings,
    meetingName: () => 'Weekly sync',
    serverName: () => null,
    openLine: (meetingId, key) => opened.push([meetingId, key]),
  });
  return {
    ...c,
    alerts,
    sent,
    opened,
    setDnd: (on: boolean) => (dnd = on),
    setSettings: (s: WatchWordSettings) => (settings = s),
  };
}

describe('watch word alerts', () => {
  it('alerts a confirmed line once, with the word, meeting, speaker and line, and its click opens that line', () => {
    const t = setup();
    t.alerts.onConfirmed(7, [line('k1', 'That is an action item for Ben.', T0)]);
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({
      id: '7:watch-1@s1',
      meetingId: 7,
      lineKey: 'k1',
      action: 'Show the line',
    });
    expect(t.sent[0]!.title).toMatch(/^“action item” in .*Weekly sync/);
    expect(t.sent[0]!.body).toMatch(/Ana.*: That is an action item for Ben\.$/);
    t.sent[0]!.onClick!();
    expect(t.opened).toEqual([[7, 'k1']]);
    expect(t.alerts.hits(7).map((h) => [h.lineKey, h.words, h.state])).toEqual([['k1', ['action item'], 'alerted']]);
  });

  it('never looks at drafts, and the confirmed line after its drafts alerts once', () => {
    const t = setup();
    t.alerts.onConfirmed(7, [line('k1', 'the deadline', T0, { draft: true, completed: false })]);
    expect(t.sent).toHaveLength(0);
    expect(t.alerts.hits(7)).toEqual([]);
    t.alerts.onConfirmed(7, [line('k1', 'the deadline is Friday', T0)]);
    t.advance(ALERT_GAP_MS * 2);
    // A second copy (G3's collector), a re-read under another key, an edit that keeps the word.
    t.alerts.onConfirmed(7, [line('k1', 'the deadline is Friday', T0)]);
    t.alerts.onConfirmed(7, [line('1764...-re-read', 'The deadline is Friday.', T0 + 40)]);
    t.alerts.onConfirmed(7, [line('k1', 'the deadline is on Friday', T0)]);
    t.advance(ALERT_GAP_MS * 2);
    expect(t.sent).toHaveLength(1);
    expect(t.alerts.hits(7)).toHaveLength(1);
  });

  it('an edit that adds another watched word alerts for that word only', () => {
    const t = setup();
    t.alerts.onConfirmed(7, [line('k1', 'the deadline is Friday', T0)]);
    t.advance(ALERT_GAP_MS);
    t.alerts.onConfirmed(7, [line('k1', 'the deadline is Friday, an action item', T0)]);
    expect(t.sent.map((n) => n.title)).toEqual(['“deadline” in Weekly sync', '“action item” in Weekly sync']);
    expect(t.alerts.hits(7)[0]!.words).toEqual(['deadline', 'action item']);
  });

  it('several words in one line make one alert naming them', () => {
    const t = setup();
    t.alerts.onConfirmed(7, [line('k1', 'Action item: the deadline.', T0)]);
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]!.title).toMatch(/^“action item” and “deadline” in/);
  });

  it('a burst becomes one alert now and one summary a few seconds later, per meeting', () => {
    const t = setup();
    t.alerts.onConfirmed(7, [line('a', 'deadline one', T0)]);
    t.alerts.onConfirmed(7, [line('b', 'deadline two', T0 + 3000)]);
    t.alerts.onConfirmed(7, [line('c', 'action item three', T0 + 6000)]);
    t.alerts.onConfirmed(8, [line('x', 'deadline elsewhere', T0)]);
    expect(t.sent.map((n) => n.meetingId)).toEqual([7, 8]);
    expect(t.alerts.hits(7).map((h) => h.state)).toEqual(['alerted', 'waiting', 'waiting']);
    t.advance(ALERT_GAP_MS - 1);
    expect(t.sent).toHaveLength(2);
    t.advance(1);
    expect(t.sent).toHaveLength(3);
    expect(t.sent[2]!.title).toMatch(/^“deadline” and “action item” in/);
    expect(t.sent[2]!.body).toMatch(/deadline two \(and 1 more line\)$/);
    t.sent[2]!.onClick!();
    expect(t.opened).toEqual([[7, 'b']]);
    expect(t.alerts.hits(7).map((h) => h.state)).toEqual(['alerted', 'alerted', 'alerted']);
  });

  it('under Do Not Disturb nothing is shown and every hit is kept', () => {
    const t = setup();
    t.setDnd(true);
    t.alerts.onConfirmed(7, [line('a', 'deadline one', T0), line('b', 'an action item', T0 + 3000)]);
    t.advance(ALERT_GAP_MS * 2);
    expect(t.sent).toEqual([]);
    expect(t.alerts.hits(7).map((h) => h.state)).toEqual(['quiet', 'quiet']);
    // Turning it off later does not replay what was held back.
    t.setDnd(false);
    t.alerts.onConfirmed(7, [line('b', 'an action item', T0 + 3000)]);
    expect(t.sent).toEqual([]);
  });

  it('lines read with a meeting already under way are kept as hits without an alert', () => {
    const t = setup();
    const old = T0 - HISTORY_MS - 60_000;
    t.alerts.onConfirmed(7, [line('old', 'deadline said long ago', old), line('new', 'an action item just now', T0 - 5000)]);
    expect(t.sent.map((n) => n.lineKey)).toEqual(['new']);
    expect(t.alerts.hits(7).map((h) => [h.lineKey, h.state])).toEqual([
      ['old', 'history'],
      ['new', 'alerted'],
    ]);
  });

  it('a server clock behind this computer does not silence a live meeting after its first line', () => {
    const t = setup();
    const behind = T0 - 10 * 60_000;
    t.alerts.onConfirmed(7, [line('a', 'hello', behind)]);
    t.alerts.onConfirmed(7, [line('b', 'the deadline', behind + 4000)]);
    expect(t.sent.map((n) => n.lineKey)).toEqual(['b']);
  });

  it('turned off, or with no words, matches nothing; a change applies to the next line', () => {
    const t = setup();
    t.setSettings({ enabled: false, words: ['deadline'] });
    t.alerts.onConfirmed(7, [line('a', 'deadline', T0)]);
    t.setSettings({ enabled: true, words: [] });
    t.alerts.onConfirmed(7, [line('b', 'deadline', T0 + 1000)]);
    expect(t.sent).toEqual([]);
    t.setSettings({ enabled: true, words: ['Ben'] });
    t.alerts.onConfirmed(7, [line('c', 'over to ben', T0 + 2000)]);
    expect(t.sent.map((n) => n.lineKey)).toEqual(['c']);
  });

  it('says nothing once closed', () => {
    const t = setup();
    t.alerts.onConfirmed(7, [line('a', 'deadline', T0)]);
    t.alerts.onConfirmed(7, [line('b', 'deadline again', T0 + 1000)]);
    t.alerts.close();
    t.advance(ALERT_GAP_MS);
    t.alerts.onConfirmed(7, [line('c', 'deadline', T0 + 9000)]);
    expect(t.sent).toHaveLength(1);
  });
});
