import type { z } from 'zod';
import { pick } from './random';

/**
 * Valid values built from a zod schema, and the paths of their fields, for fuzzing: a fuzz that
 * starts from a valid input and changes one field at a time reaches the handlers, where a fuzz of
 * random shapes stops at the first check. Reads zod 4's schema definitions (`_zod.def`); a schema
 * kind it does not know throws, so a new kind of input cannot go unfuzzed silently.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{
    _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string } };
  }>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export interface Bounds {
  min?: number;
  max?: number;
  /** Lengths for strings and arrays, values for numbers. */
  int: boolean;
}

/** The length or value bounds of a string, array or number schema. */
export function boundsOf(schema: z.ZodType): Bounds {
  const b: Bounds = { int: false };
  for (const c of defOf(schema).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') b.min = d.minimum;
    else if (d.check === 'max_length') b.max = d.maximum;
    else if (d.check === 'greater_than') b.min = d.inclusive ? d.value : (d.value ?? 0) + 1;
    else if (d.check === 'less_than') b.max = d.inclusive ? d.value : (d.value ?? 0) - 1;
    else if (d.check === 'number_format') b.int = d.format === 'safeint' || d.format === 'int32';
  }
  return b;
}

/** The schema with its optional, nullable and default wrappers taken off. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let d = defOf(s); d.type === 'optional' || d.type === 'nullable' || d.type === 'default'; d = defOf(s)) s = d.innerType!;
  return s;
}

/** The item schema of an array schema (optional or not). */
export const elementOf = (schema: z.ZodType): z.ZodType => {
  const element = defOf(unwrap(schema)).element;
  if (!element) throw new Error('elementOf: not an array schema');
  return element;
};

export const kindOf = (schema: z.ZodType): string => defOf(unwrap(schema)).type;

/** Realistic values for fields whose meaning a random string would miss (an address, a key, a link). */
export type FieldHints = Record<string, () => unknown>;

/**
 * A valid value of `schema`: every optional field present (so each can be mutated), unions take
 * their object option when they have one. `hints` supply values by field name where they fit the field.
 */
export function validSample(schema: z.ZodType, rand: () => number, hints: FieldHints = {}, where = 'input'): unknown {
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(d.shape ?? {})) {
        // A hint is by name; a field of that name with another type (a calendar's text id beside
        // a meeting's number) gets a generated value instead.
        const hinted = hints[key]?.();
        out[key] = hinted !== undefined && field.safeParse(hinted).success ? hinted : validSample(field, rand, hints, `${where}.${key}`);
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
      return validSample(d.innerType!, rand, hints, where);
    case 'union': {
      const options = d.options ?? [];
      const object = options.find((o) => kindOf(o) === 'object' && Object.keys(defOf(unwrap(o)).shape ?? {}).length > 0);
      return validSample(object ?? options.find((o) => kindOf(o) === 'object') ?? options[0]!, rand, hints, where);
    }
    case 'string': {
      const { min = 0, max = 24 } = boundsOf(schema);
      const length = Math.min(max, Math.max(min, 1 + Math.floor(rand() * 12)));
      return Array.from({ length }, () => pick(rand, [...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
    }
    case 'number': {
      const { min = 1, max = 1000, int } = boundsOf(schema);
      const lo = Math.max(min, -1e6);
      const hi = Math.min(max, lo + 1000);
      const v = lo + rand() * (hi - lo);
      return int ? Math.round(v) : v;
    }
    case 'boolean':
      return rand() < 0.5;
    case 'enum':
      return pick(rand, Object.values(d.entries ?? {}));
    case 'literal':
      return d.values?.[0];
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'array': {
      const { min = 0, max = 3 } = boundsOf(schema);
      const n = Math.min(max, Math.max(min, 1 + Math.floor(rand() * 2)));
      return Array.from({ length: n }, () => validSample(d.element!, rand, hints, `${where}[]`));
    }
    case 'record': {
      const keys = defOf(d.keyType!).type === 'enum' ? Object.values(defOf(d.keyType!).entries ?? {}).map(String) : ['k'];
      return Object.fromEntries(keys.map((k) => [k, validSample(d.valueType!, rand, hints, `${where}.${k}`)]));
    }
    default:
      throw new Error(`No sample for zod type “${d.type}” at ${where}: teach test/support/zodSamples.ts this kind of input`);
  }
}

/** One field of a sample: its path and the schema that governs it. */
export interface FieldAt {
  path: Array<string | number>;
  schema: z.ZodType;
}

/** Every field of `value` (nested objects, records and array items too), with its schema. */
export function fieldsOf(schema: z.ZodType, value: unknown, path: Array<string | number> = []): FieldAt[] {
  const s = unwrap(schema);
  const d = defOf(s);
  const here: FieldAt[] = path.length ? [{ path, schema }] : [];
  if (d.type === 'union') {
    const option = (d.options ?? []).find((o) => o.safeParse(value).success);
    return option ? [...here, ...fieldsOf(option, value, path).filter((f) => f.path.length > path.length)] : here;
  }
  if (value === null || typeof value !== 'object') return here;
  if (d.type === 'object') {
    return [
      ...here,
      ...Object.entries(d.shape ?? {}).flatMap(([k, f]) => fieldsOf(f, (value as Record<string, unknown>)[k], [...path, k])),
    ];
  }
  if (d.type === 'record') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => fieldsOf(d.valueType!, v, [...path, k]))];
  }
  if (d.type === 'array' && Array.isArray(value) && value.length > 0) return [...here, ...fieldsOf(d.element!, value[0], [...path, 0])];
  return here;
}

/** Every object path of `value` whose schema is an object (where an unknown key can be slipped in). */
export function objectPaths(schema: z.ZodType, value: unknown): Array<Array<string | number>> {
  const top = value !== null && typeof value === 'object' && !Array.isArray(value) ? [[]] : [];
  const nested = fieldsOf(schema, value)
    .filter((f) => kindOf(f.schema) === 'object')
    .map((f) => f.path);
  return [...top, ...nested];
}

/** A deep copy of `value` with the field at `path` set to `replacement`. */
export function withField(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = withField(copy[head], rest, replacement);
  return copy;
}
