/** Pydantic location parts that name the request part, not the field a person filled in. */
const LOCATION_NOISE = new Set(['body', 'query', 'path', 'header', 'cookie']);
const MAX_LENGTH = 400;

/**
 * Turns a FastAPI `detail` (a string; a pydantic 422 list of `{loc, msg}`; or an object such as
 * G1's `{status, message}` or G3's `{code, reason}`) into one readable sentence. Returns '' when
 * there is nothing a person could read.
 */
export function describeDetail(detail: unknown): string {
  return sentence(flatten(detail, 0));
}

/**
 * Finds the error text in any error body Vexa or a proxy in front of it sends: `detail` (FastAPI),
 * then `error` + `details` (WS frames, the Vexa-Dashboard proxy), then `message`.
 */
export function extractDetail(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body ?? undefined;
  const b = body as Record<string, unknown>;
  if (b.detail !== undefined && b.detail !== null) return b.detail;
  if (typeof b.error === 'string') {
    return b.details === undefined || b.details === null ? b.error : { error: b.error, details: b.details };
  }
  if (b.message !== undefined && b.message !== null) return b.message;
  return undefined;
}

function flatten(detail: unknown, depth: number): string {
  if (depth > 3 || detail === null || detail === undefined) return '';
  if (typeof detail === 'string') return fromString(detail, depth);
  if (typeof detail === 'number' || typeof detail === 'boolean') return String(detail);
  if (Array.isArray(detail)) {
    return detail
      .map((entry) => describeListEntry(entry, depth))
      .filter((s) => s !== '')
      .join('; ');
  }
  if (typeof detail === 'object') return describeObject(detail as Record<string, unknown>, depth);
  return '';
}

/** G1/G2 re-raise some upstream failures with the raw upstream body as the detail string. */
function fromString(text: string, depth: number): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const inner = extractDetail(parsed);
      if (inner !== undefined) return flatten(inner, depth + 1);
    } catch {
      // not JSON after all; show it as text
    }
  }
  return trimmed;
}

function describeListEntry(entry: unknown, depth: number): string {
  if (!entry || typeof entry !== 'object') return flatten(entry, depth + 1);
  const e = entry as Record<string, unknown>;
  const msg = typeof e.msg === 'string' ? e.msg.replace(/^(Value|Assertion) error,\s*/i, '') : flatten(e, depth + 1);
  const loc = Array.isArray(e.loc) ? e.loc.filter((part) => !(typeof part === 'string' && LOCATION_NOISE.has(part))).join('.') : '';
  return loc ? `${loc}: ${msg}` : msg;
}

function describeObject(o: Record<string, unknown>, depth: number): string {
  if (typeof o.error === 'string' && o.details !== undefined) {
    const details = flatten(o.details, depth + 1);
    return details ? `${o.error}: ${details}` : o.error;
  }
  for (const key of ['message', 'reason', 'msg', 'detail', 'error']) {
    const text = flatten(o[key], depth + 1);
    if (text) return text;
  }
  return typeof o.code === 'string' ? o.code.replace(/_/g, ' ') : '';
}

function sentence(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (s === '') return '';
  if (s.length > MAX_LENGTH) s = `${s.slice(0, MAX_LENGTH - 1).trimEnd()}…`;
  if (/^[a-z][a-z]*(\s|$)/.test(s)) s = s[0]!.toUpperCase() + s.slice(1);
  if (!/[.!?…)]$/.test(s)) s += '.';
  return s;
}
