/**
 * FastAPI/pydantic v2 validation error items, as G1/G2 request models (and G3 typed path/query
 * parameters) put them in a 422 `{"detail": [...]}`.
 */
export interface PydanticError {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export function enumError(loc: PydanticError['loc'], allowed: readonly string[], input: unknown): PydanticError {
  const expected = quoteList(allowed);
  return { type: 'enum', loc, msg: `Input should be ${expected}`, input, ctx: { expected } };
}

export function valueError(loc: PydanticError['loc'], message: string, input: unknown): PydanticError {
  return { type: 'value_error', loc, msg: `Value error, ${message}`, input, ctx: { error: {} } };
}

export function missingError(loc: PydanticError['loc'], input: unknown): PydanticError {
  return { type: 'missing', loc, msg: 'Field required', input };
}

export function stringTypeError(loc: PydanticError['loc'], input: unknown): PydanticError {
  return { type: 'string_type', loc, msg: 'Input should be a valid string', input };
}

export function intParsingError(loc: PydanticError['loc'], input: unknown): PydanticError {
  return { type: 'int_parsing', loc, msg: 'Unable to parse string as an integer', input };
}

export function boundError(loc: PydanticError['loc'], bound: 'ge' | 'le', limit: number, input: unknown): PydanticError {
  return bound === 'ge'
    ? { type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${limit}`, input, ctx: { ge: limit } }
    : { type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${limit}`, input, ctx: { le: limit } };
}

export function jsonInvalidError(): PydanticError {
  return { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } };
}

export function extraForbiddenError(loc: PydanticError['loc'], input: unknown): PydanticError {
  return { type: 'extra_forbidden', loc, msg: 'Extra inputs are not permitted', input };
}

/**
 * Parses an integer query parameter the way FastAPI does; returns the error item when it is not one.
 */
export function parseIntParam(
  raw: string | null,
  name: string,
  bounds: { ge?: number; le?: number } = {},
): { ok: true; value: number | null } | { ok: false; error: PydanticError } {
  if (raw === null) return { ok: true, value: null };
  const loc = ['query', name];
  if (!/^[+-]?\d+$/.test(raw.trim())) return { ok: false, error: intParsingError(loc, raw) };
  const value = Number.parseInt(raw, 10);
  if (bounds.ge !== undefined && value < bounds.ge) return { ok: false, error: boundError(loc, 'ge', bounds.ge, raw) };
  if (bounds.le !== undefined && value > bounds.le) return { ok: false, error: boundError(loc, 'le', bounds.le, raw) };
  return { ok: true, value };
}
