import type Database from 'better-sqlite3';

/**
 * A database handle whose connection can be replaced while the app runs: when the disk refuses a
 * write, the cache moves to memory, and every repository, statement and cached statement that
 * holds this handle follows without knowing. better-sqlite3 binds a statement to one connection,
 * so the statements handed out here re-prepare themselves on the new one.
 *
 * A write that fails is retried once on the replacement: a statement alone, or the outermost
 * transaction as a whole (SQLite rolled it back on the old connection first, so nothing is
 * applied twice). Inside a transaction a failure only propagates, so the outermost one decides.
 */
export interface FailoverHooks {
  /**
   * Called with the storage error of a write on the current connection, or with `'vanished'`
   * when a write went through but `vanished()` says the file is gone. Returns the connection to
   * use from now on (with everything the old one held), or null when the error is not one of
   * storage and must reach the caller.
   */
  failOver(reason: unknown): Database.Database | null;
  /** Checked after each write outside a transaction while on disk; a stat, not a poll. */
  vanished(): boolean;
}

type TxKind = 'default' | 'deferred' | 'immediate' | 'exclusive';
type Fn = (...args: never[]) => unknown;
type StatementMode = ['pluck' | 'raw' | 'expand' | 'safeIntegers', boolean] | ['bind', unknown[]];

export const VANISHED = 'vanished';

export class FailoverConnection {
  private conn: Database.Database;
  /** Bumped at each replacement; statements compare it to know they must re-prepare. */
  generation = 0;
  private depth = 0;
  private onDisk: boolean;
  readonly handle: Database.Database;

  constructor(
    initial: Database.Database,
    private readonly hooks: FailoverHooks,
    onDisk: boolean,
  ) {
    this.conn = initial;
    this.onDisk = onDisk;
    const api: Record<string | symbol, unknown> = {
      prepare: (sql: string) => new FailoverStatement(this, sql) as unknown as Database.Statement,
      transaction: (fn: Fn) => this.transaction(fn),
      exec: (sql: string) => {
        this.write(() => this.conn.exec(sql));
        return this.handle;
      },
      pragma: (source: string, options?: Database.PragmaOptions) => this.write(() => this.conn.pragma(source, options)),
    };
    this.handle = new Proxy({} as Database.Database, {
      get: (_target, prop) => {
        if (prop in api) return api[prop];
        const value: unknown = Reflect.get(this.conn, prop);
        return typeof value === 'function' ? (value as Fn).bind(this.conn) : value;
      },
    });
  }

  get current(): Database.Database {
    return this.conn;
  }

  /** Runs a write; a storage failure outside a transaction moves to the replacement and retries. */
  write<T>(op: () => T): T {
    if (this.depth > 0 || !this.onDisk) return op();
    let result: T;
    try {
      result = op();
    } catch (e) {
      if (!this.replace(e)) throw e;
      return op();
    }
    // The write landed in a file that may no longer be on disk; the copy carries it over.
    if (this.onDisk && this.hooks.vanished()) this.replace(VANISHED);
    return result;
  }

  private replace(reason: unknown): boolean {
    const next = this.hooks.failOver(reason);
    if (!next) return false;
    this.conn = next;
    this.onDisk = false;
    this.generation++;
    return true;
  }

  private transaction(fn: Fn): Database.Transaction<Fn> {
    const run =
      (kind: TxKind) =>
      (...args: never[]): unknown => {
        if (this.depth > 0) return this.conn.transaction(fn)[kind](...args);
        return this.write(() => {
          this.depth++;
          try {
            return this.conn.transaction(fn)[kind](...args);
          } finally {
            this.depth--;
          }
        });
      };
    const tx = run('default') as Database.Transaction<Fn>;
    tx.default = tx;
    tx.deferred = run('deferred') as Database.Transaction<Fn>;
    tx.immediate = run('immediate') as Database.Transaction<Fn>;
    tx.exclusive = run('exclusive') as Database.Transaction<Fn>;
    return tx;
  }
}

/** A statement that follows its handle to a new connection, keeping its modes and bindings. */
class FailoverStatement {
  private stmt: Database.Statement;
  private generation: number;
  private readonly modes: StatementMode[] = [];

  constructor(
    private readonly owner: FailoverConnection,
    readonly source: string,
  ) {
    // Prepared at once, as better-sqlite3 does, so a mistake in the SQL shows where it is written.
    this.stmt = owner.current.prepare(source);
    this.generation = owner.generation;
  }

  private real(): Database.Statement {
    if (this.generation !== this.owner.generation) {
      let stmt = this.owner.current.prepare(this.source);
      for (const [mode, arg] of this.modes) stmt = mode === 'bind' ? stmt.bind(...arg) : stmt[mode](arg);
      this.stmt = stmt;
      this.generation = this.owner.generation;
    }
    return this.stmt;
  }

  get reader(): boolean {
    return this.real().reader;
  }

  get readonly(): boolean {
    return this.real().readonly;
  }

  get busy(): boolean {
    return this.real().busy;
  }

  run(...params: unknown[]): Database.RunResult {
    return this.owner.write(() => this.real().run(...params));
  }

  get(...params: unknown[]): unknown {
    return this.real().readonly ? this.real().get(...params) : this.owner.write(() => this.real().get(...params));
  }

  all(...params: unknown[]): unknown[] {
    return this.real().readonly ? this.real().all(...params) : this.owner.write(() => this.real().all(...params));
  }

  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.real().iterate(...params);
  }

  columns(): Database.ColumnDefinition[] {
    return this.real().columns();
  }

  private mode(mode: StatementMode): this {
    this.modes.push(mode);
    const stmt = this.real();
    if (mode[0] === 'bind') stmt.bind(...mode[1]);
    else stmt[mode[0]](mode[1]);
    return this;
  }

  pluck(on?: boolean): this {
    return this.mode(['pluck', on ?? true]);
  }

  raw(on?: boolean): this {
    return this.mode(['raw', on ?? true]);
  }

  expand(on?: boolean): this {
    return this.mode(['expand', on ?? true]);
  }

  safeIntegers(on?: boolean): this {
    return this.mode(['safeIntegers', on ?? true]);
  }

  bind(...params: unknown[]): this {
    return this.mode(['bind', params]);
  }
}
