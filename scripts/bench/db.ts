// Raw bulk access for the benchmark: the generator's inserts and the bench's "bare insert" use the
// same drivers as the app (better-sqlite3, pg), but none of Prisma. SQL is written with `?`
// placeholders and "quoted" identifiers, which both engines accept (pg's `$n` is substituted).
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf, sqlitePath, type Engine } from "../../lib/db/engine";

export type Value = string | number | boolean | Date | null;
export type Row = Value[];

export interface Sink {
  readonly engine: Engine;
  /** Inserts rows (each the columns' values in order) as fast as the driver allows. */
  insert(table: string, cols: readonly string[], rows: Row[]): Promise<void>;
  all<T>(sql: string, params?: Value[]): Promise<T[]>;
  run(sql: string, params?: Value[]): Promise<number>;
  exec(sql: string): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  close(): Promise<void>;
}

/** Prisma's own text form of a DateTime in SQLite (adapter-better-sqlite3, iso8601). */
export function sqliteTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function sqliteValue(v: Value): string | number | null {
  if (v instanceof Date) return sqliteTime(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

function pgValue(v: Value): string | number | boolean | null {
  // Prisma keeps timestamps without time zone in UTC.
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  return v;
}

function pgParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class SqliteSink implements Sink {
  readonly engine = "sqlite" as const;
  readonly db: Database.Database;
  private stmts = new Map<string, { one: Database.Statement; many: Database.Statement; per: number }>();

  constructor(file: string, opts: { bulk?: boolean } = {}) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    if (opts.bulk) {
      // A load that fails is thrown away and rerun, so durability is not worth paying for here.
      this.db.pragma("synchronous = OFF");
      this.db.pragma("cache_size = -262144"); // 256 MB
      this.db.pragma("temp_store = MEMORY");
    }
  }

  private prepared(table: string, cols: readonly string[]) {
    const key = `${table}(${cols.join(",")})`;
    let s = this.stmts.get(key);
    if (!s) {
      const tuple = `(${cols.map(() => "?").join(",")})`;
      const head = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES `;
      // Multi-row VALUES: fewer statement executions; stay under SQLite's 32766 parameters.
      const per = Math.max(1, Math.min(100, Math.floor(30000 / cols.length)));
      s = { one: this.db.prepare(head + tuple), many: this.db.prepare(head + Array(per).fill(tuple).join(",")), per };
      this.stmts.set(key, s);
    }
    return s;
  }

  insert(table: string, cols: readonly string[], rows: Row[]): Promise<void> {
    const s = this.prepared(table, cols);
    let i = 0;
    const flat: (string | number | null)[] = new Array<string | number | null>(s.per * cols.length);
    for (; i + s.per <= rows.length; i += s.per) {
      let k = 0;
      for (let r = i; r < i + s.per; r++) for (const v of rows[r]) flat[k++] = sqliteValue(v);
      s.many.run(flat);
    }
    for (; i < rows.length; i++) s.one.run(rows[i].map(sqliteValue));
    return Promise.resolve();
  }

  all<T>(sql: string, params: Value[] = []): Promise<T[]> {
    return Promise.resolve(this.db.prepare(sql).all(...params.map(sqliteValue)) as T[]);
  }
  run(sql: string, params: Value[] = []): Promise<number> {
    return Promise.resolve(this.db.prepare(sql).run(...params.map(sqliteValue)).changes);
  }
  exec(sql: string): Promise<void> {
    this.db.exec(sql);
    return Promise.resolve();
  }
  begin() {
    return this.exec("BEGIN");
  }
  commit() {
    return this.exec("COMMIT");
  }
  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

const PG_ARRAY_TYPE: Record<string, string> = {
  integer: "int4[]",
  bigint: "int8[]",
  text: "text[]",
  "double precision": "float8[]",
  boolean: "bool[]",
  "timestamp without time zone": "timestamp(3)[]",
};

class PgSink implements Sink {
  readonly engine = "postgres" as const;
  private types = new Map<string, Map<string, string>>();
  constructor(readonly client: pg.Client) {}

  private async columnTypes(table: string) {
    let t = this.types.get(table);
    if (!t) {
      const { rows } = await this.client.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        [table],
      );
      t = new Map(rows.map((r) => [r.column_name, PG_ARRAY_TYPE[r.data_type] ?? "text[]"]));
      this.types.set(table, t);
    }
    return t;
  }

  async insert(table: string, cols: readonly string[], rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const types = await this.columnTypes(table);
    // One array parameter per column (unnest): any number of rows, no 65535-parameter limit.
    const sql = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) SELECT * FROM unnest(${cols
      .map((c, i) => {
        const type = types.get(c);
        if (!type) throw new Error(`${table}.${c}: no such column`);
        return `$${i + 1}::${type}`;
      })
      .join(",")})`;
    const BATCH = 10000;
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const arrays = cols.map((_, c) => chunk.map((r) => pgValue(r[c])));
      await this.client.query(sql, arrays);
    }
  }

  async all<T>(sql: string, params: Value[] = []): Promise<T[]> {
    const r = await this.client.query(pgParams(sql), params.map(pgValue));
    return r.rows as T[];
  }
  async run(sql: string, params: Value[] = []): Promise<number> {
    const r = await this.client.query(pgParams(sql), params.map(pgValue));
    return r.rowCount ?? 0;
  }
  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
  begin() {
    return this.exec("BEGIN");
  }
  commit() {
    return this.exec("COMMIT");
  }
  close() {
    return this.client.end();
  }
}

export async function openSink(url: string, opts: { bulk?: boolean } = {}): Promise<Sink> {
  if (engineOf(url) === "sqlite") return new SqliteSink(sqlitePath(url), opts);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (opts.bulk) {
    await client.query("SET synchronous_commit = off");
    // As pg_restore --disable-triggers does: no per-row foreign-key triggers during the load (a
    // superuser setting; without it the load is only slower). The generator checks the keys after.
    await client.query("SET session_replication_role = replica").catch(() => undefined);
  }
  return new PgSink(client);
}

/** Creates the PostgreSQL database named in the URL when it does not exist yet. */
export async function ensurePgDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!name || name === "postgres") return;
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}
