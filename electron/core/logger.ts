import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './privateFiles';
import type { Logger, LogLevel } from './ports';

export interface FileLoggerOptions {
  dir: string;
  /** Rotate when the current file passes this size. */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one. */
  maxFiles?: number;
  level?: LogLevel;
  /** Also echo lines to stderr (the web harness and development). */
  echo?: boolean;
  now?: () => number;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const HIDDEN = '[hidden]';

// Keys whose values are secrets wherever they appear in structured fields.
const SECRET_FIELD = /^(api[-_]?key|x-api-key|x-admin-api-key|admin[-_]?key|token|secret|password|authorization)$/i;
// Secrets that can hide inside free text: query strings, headers, Vexa token formats.
const SECRET_PATTERNS: RegExp[] = [
  /(api_key=)[^&\s"']+/gi,
  /(x-(?:admin-)?api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
  /(token=)[^&\s"']+/gi,
  /()\bvxa_[a-z]+_[A-Za-z0-9]{8,}\b/g,
];

export const LOG_FILE = 'companion.log';

/** Removes every known secret and secret-shaped value from a string. */
export function redactText(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    out = out.split(s).join(HIDDEN);
    // A message that ends a server's echo of the secret with its own full stop drops the secret's
    // last dots ("Bad header <key>." becomes "…<key>)"): that shorter echo is the secret too.
    const trimmed = s.replace(/[.\s]+$/, '');
    if (trimmed !== s && trimmed.length >= 4) out = out.split(trimmed).join(HIDDEN);
  }
  for (const p of SECRET_PATTERNS) out = out.replace(p, `$1${HIDDEN}`);
  return out;
}

function redactValue(value: unknown, secrets: ReadonlySet<string>, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return redactText(value, secrets);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, secrets), stack: value.stack && redactText(value.stack, secrets) };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, secrets, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) ? HIDDEN : redactValue(v, secrets, depth + 1);
    return out;
  }
  return value;
}

/**
 * Line-oriented log file with size rotation. Writes are synchronous so that the last lines
 * before a crash are on disk; the volume is low (state changes and errors, not transcript text).
 */
export function createFileLogger(options: FileLoggerOptions): Logger & { readonly file: string } {
  const { dir, maxBytes = 1_000_000, maxFiles = 4, level = 'info', echo = false, now = Date.now } = options;
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch {
    // A read-only or full data folder must not stop the app: it runs without a log file and
    // says why in the window (the cache notices the same folder).
  }
  const file = join(dir, LOG_FILE);
  const secrets = new Set<string>();
  let size = existsSync(file) ? statSync(file).size : 0;
  let closed = false;

  const rotate = (): void => {
    rmSync(join(dir, `companion.${maxFiles}.log`), { force: true });
    for (let i = maxFiles - 1; i >= 1; i--) {
      const from = join(dir, `companion.${i}.log`);
      if (existsSync(from)) renameSync(from, join(dir, `companion.${i + 1}.log`));
    }
    if (existsSync(file)) renameSync(file, join(dir, 'companion.1.log'));
    size = 0;
  };

  const write = (lvl: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (closed || LEVELS[lvl] < LEVELS[level]) return;
    const extra = fields ? ` ${JSON.stringify(redactValue(fields, secrets))}` : '';
    const line = `${new Date(now()).toISOString()} ${lvl.toUpperCase()} ${redactText(message, secrets)}${extra}\n`;
    try {
      if (size + line.length > maxBytes) rotate();
      appendFileSync(file, line, { mode: PRIVATE_FILE_MODE });
      size += Buffer.byteLength(line);
    } catch {
      // A full disk or a removed folder must not take the app down with it.
    }
    if (echo) process.stderr.write(line);
  };

  return {
    file,
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    addSecret: (value) => {
      if (value) secrets.add(value);
    },
    redact: (text) => redactText(text, secrets),
    close: async () => {
      closed = true;
    },
  };
}
