/**
 * The date and time a person types for a scheduled bot, read in their own time zone (the one the
 * runtime reports), and the checks made before anything reaches a server. Pure: the zone is the
 * runtime's, "now" is passed in.
 */

export type WhenResult = { ok: true; at: number } | { ok: false; field: 'date' | 'time'; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

/** `2026-03-29` and `14:30` (what `<input type=date|time>` give) as epoch ms in the local zone. */
export function parseLocalDateTime(date: string, time: string, now: number): WhenResult {
  const d = DATE.exec(date.trim());
  if (!d) return { ok: false, field: 'date', message: 'Enter the date of the meeting, for example 2026-03-29.' };
  const t = TIME.exec(time.trim());
  if (!t) return { ok: false, field: 'time', message: 'Enter the time the meeting starts, for example 14:30.' };
  const [y, mo, day, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59) return { ok: false, field: 'time', message: 'Enter a time between 00:00 and 23:59.' };
  const local = new Date(y, mo - 1, day, h, mi, 0, 0);
  if (local.getFullYear() !== y || local.getMonth() !== mo - 1 || local.getDate() !== day)
    return { ok: false, field: 'date', message: 'That date does not exist. Check the day and month.' };
  // A clock change skips an hour: 02:30 on that night never happens here.
  if (local.getHours() !== h || local.getMinutes() !== mi)
    return { ok: false, field: 'time', message: 'That time does not exist here: the clocks change that night. Choose another time.' };
  return checkPlanTime(local.getTime(), now);
}

/** A time already past is refused: the server would send no bot to it (it never joins more than ten minutes late). */
export function checkPlanTime(at: number, now: number): WhenResult {
  if (!Number.isFinite(at)) return { ok: false, field: 'time', message: 'Enter the time the meeting starts.' };
  if (at <= now) return { ok: false, field: 'time', message: 'That time has already passed. Choose a time later than now.' };
  if (at > now + 366 * 24 * 3_600_000) return { ok: false, field: 'date', message: 'Choose a date within the next year.' };
  return { ok: true, at };
}

/** The fields' values for an instant, in the local zone (to fill the form when editing). */
export function localFields(at: number): { date: string; time: string } {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`, time: `${p(d.getHours())}:${p(d.getMinutes())}` };
}

/** The local zone as the person knows it: its IANA name and its offset now ("Europe/Berlin, UTC+01:00"). */
export function zoneLabel(at: number, zone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const minutes = -new Date(at).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const offset = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return zone ? `${zone}, ${offset}` : offset;
}
