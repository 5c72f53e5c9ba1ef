import { createServer, type Server } from 'node:http';

/** A calendar feed on 127.0.0.1 whose text and answer a test changes as it goes. */
export interface IcsServer {
  url(path?: string): string;
  set(path: string, body: string, status?: number, contentType?: string): void;
  close(): Promise<void>;
}

export async function startIcsServer(): Promise<IcsServer> {
  const feeds = new Map<string, { body: string; status: number; contentType: string }>();
  const server: Server = createServer((req, res) => {
    const feed = feeds.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!feed) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(feed.status, { 'Content-Type': feed.contentType }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path = '/basic.ics') => `http://127.0.0.1:${port}${path}`,
    set: (path, body, status = 200, contentType = 'text/calendar; charset=utf-8') => void feeds.set(path, { body, status, contentType }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `20260107T150000Z`: a UTC DATE-TIME as feeds write it. */
export function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface IcsEventSpec {
  uid: string;
  summary: string;
  start: number;
  link?: string;
  rrule?: string;
  exdate?: number[];
  status?: string;
}

export function icsFeed(events: IcsEventSpec[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Vexa Companion tests//EN'];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SUMMARY:${e.summary}`,
      `DTSTART:${icsTime(e.start)}`,
      `DTEND:${icsTime(e.start + 1_800_000)}`,
    );
    if (e.rrule) lines.push(`RRULE:${e.rrule}`);
    for (const x of e.exdate ?? []) lines.push(`EXDATE:${icsTime(x)}`);
    if (e.link) lines.push(`LOCATION:${e.link}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}
