import type { ServerResponse } from 'node:http';
import { sendJson, startFakeServer } from './fakeServer';
import type { FakeServer, RecordedRequest } from './fakeServer';

export type Route = (req: RecordedRequest, res: ServerResponse) => void;
type RouteValue = Route | { status: number; body: unknown; headers?: Record<string, string> };

/** A fake gateway from a `"METHOD /path"` table; anything else is FastAPI's 404 `{"detail":"Not Found"}`. */
export async function startRoutes(table: Record<string, RouteValue>): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    const route = table[`${req.method} ${req.path}`];
    if (!route) return sendJson(res, 404, { detail: 'Not Found' });
    if (typeof route === 'function') return route(req, res);
    return sendJson(res, route.status, route.body, route.headers);
  });
}

/** A G3-style list row, for paging tests. */
export function row(id: number, status = 'completed'): Record<string, unknown> {
  return {
    id,
    platform: 'google_meet',
    native_meeting_id: `aaa-bbbb-${String(id).padStart(3, '0').slice(-3)}`,
    status,
    start_time: '2026-08-01T10:00:00Z',
    end_time: null,
    data: {},
    created_at: '2026-08-01T09:59:00Z',
  };
}
