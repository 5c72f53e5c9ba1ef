import type { IncomingHttpHeaders } from 'node:http';
import type { RouteService } from './profiles';
import type { SimScope, TokenRecord, UserRecord } from './types';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  params: Record<string, string>;
  /** `http://host:port` as the client addressed us (used for share URLs). */
  origin: string;
}

export interface SimResponse {
  status: number;
  /** A string is sent verbatim; anything else as JSON. `undefined` sends no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Runs once the response has been flushed (control restart). */
  afterSend?: () => void;
}

export interface Caller {
  user: UserRecord;
  token: TokenRecord;
}

/** A route answers at once, or later when it must wait on something (the calendar sync fetches a feed). */
export type Handler = (req: SimRequest, caller: Caller | null) => SimResponse | Promise<SimResponse>;

/**
 * How a route authenticates: `user` routes need an API key (and in G2/G3 a scope), `admin` the
 * admin key, `control` the admin key only when one is configured, `public` nothing.
 */
export type RouteAuth =
  | { kind: 'user'; scope: SimScope | readonly SimScope[] | null; service: RouteService }
  | { kind: 'admin' }
  | { kind: 'control' }
  | { kind: 'public' };

interface Route {
  method: string;
  segments: string[];
  auth: RouteAuth;
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; route: { auth: RouteAuth; handler: Handler }; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, auth: RouteAuth, handler: Handler): this {
    this.routes.push({ method, segments: splitPath(pattern), auth, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const parts = splitPath(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method !== method) {
        pathMatched = true;
        continue;
      }
      return { kind: 'found', route, params };
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const actual = parts[i]!;
    if (p.startsWith('{') && p.endsWith('}')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return null;
      }
      params[p.slice(1, -1)] = decoded;
    } else if (p !== actual) {
      return null;
    }
  }
  return params;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** Every Vexa error body is `{"detail": string | list | object}`. */
export function detail(status: number, value: unknown, headers?: Record<string, string>): SimResponse {
  return json(status, { detail: value }, headers);
}

export const notFound = (): SimResponse => detail(404, 'Not Found');

export function parseJsonBody(req: SimRequest): { ok: true; value: unknown } | { ok: false } {
  const text = req.body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
