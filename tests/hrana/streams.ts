// Hrana 2 streams over SQLite files, as sqld keeps them: each stream owns one connection of its
// own, so per-connection state (PRAGMAs, temp tables, an open transaction, changes()) lives and
// dies with the stream. The wire format is https://github.com/tursodatabase/libsql (docs/HRANA_2_SPEC.md).
import { randomBytes } from "node:crypto";
import type Database from "libsql";

export type Value =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };
export type Stmt = {
  sql?: string;
  sql_id?: number;
  args?: Value[];
  named_args?: { name: string; value: Value }[];
  want_rows?: boolean;
};
export type BatchCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and" | "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };
export type StreamRequest =
  | { type: "close" }
  | { type: "execute"; stmt: Stmt }
  | { type: "batch"; batch: { steps: { condition?: BatchCond | null; stmt: Stmt }[] } }
  | { type: "sequence"; sql?: string; sql_id?: number }
  | { type: "describe"; sql?: string; sql_id?: number }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number }
  | { type: "get_autocommit" };

type HranaError = { message: string; code?: string };
type StmtResult = {
  cols: { name: string; decltype: string | null }[];
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
};

/** A request error that fails the whole HTTP request (an unknown or expired baton, bad JSON). */
export class ProtocolError extends Error {}

class StreamError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function toHranaError(e: unknown): HranaError {
  if (e instanceof StreamError) return { message: e.message, ...(e.code ? { code: e.code } : {}) };
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof code !== "string") return { message };
  // libsql prefixes the message with its code; sqld sends them apart.
  return { message: message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message, code };
}

function fromValue(v: Value): unknown {
  switch (v.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(v.value);
    case "float":
      return v.value;
    case "text":
      return v.value;
    case "blob":
      return Buffer.from(v.base64, "base64");
  }
}

function toValue(v: unknown): Value {
  if (v === null || v === undefined) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: v.toString() };
  if (typeof v === "number") {
    return Number.isInteger(v) ? { type: "integer", value: String(v) } : { type: "float", value: v };
  }
  if (typeof v === "string") return { type: "text", value: v };
  if (v instanceof Uint8Array) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  throw new StreamError(`unsupported value ${typeof v}`);
}

type Connection = InstanceType<typeof Database>;

export class Stream {
  private readonly sqls = new Map<number, string>();
  private readonly counters;
  lastUsed = Date.now();

  constructor(readonly conn: Connection) {
    this.counters = conn.prepare("select total_changes(), last_insert_rowid()").raw(true).safeIntegers(true);
  }

  private sqlOf(source: { sql?: string; sql_id?: number }): string {
    if (source.sql !== undefined && source.sql_id !== undefined) {
      throw new StreamError("sql and sql_id are both given", "PROTOCOL");
    }
    if (source.sql !== undefined) return source.sql;
    const stored = source.sql_id === undefined ? undefined : this.sqls.get(source.sql_id);
    if (stored === undefined) throw new StreamError(`unknown sql_id ${source.sql_id}`, "SQL_NOT_FOUND");
    return stored;
  }

  private totals(): [bigint, bigint] {
    return this.counters.get() as unknown as [bigint, bigint];
  }

  /**
   * affected_row_count is the connection's total_changes() delta, so rows written by triggers
   * and foreign-key actions count too, as a server reports them (and as SQLite's changes() does not).
   */
  execute(stmt: Stmt): StmtResult {
    const sql = this.sqlOf(stmt);
    const prepared = this.conn.prepare(sql);
    const named = stmt.named_args ?? [];
    const args =
      named.length > 0
        ? Object.fromEntries(named.map((a) => [a.name.replace(/^[:@$]/, ""), fromValue(a.value)]))
        : (stmt.args ?? []).map(fromValue);
    const [before] = this.totals();
    let cols: StmtResult["cols"] = [];
    let rows: Value[][] = [];
    if (prepared.reader) {
      cols = (prepared.columns() as { name: string; type: string | null }[]).map((c) => ({
        name: c.name,
        decltype: c.type ?? null,
      }));
      const raw = prepared.raw(true).safeIntegers(true).all(args) as unknown[][];
      if (stmt.want_rows !== false) rows = raw.map((r) => r.map(toValue));
    } else {
      prepared.run(args);
    }
    const [after, rowid] = this.totals();
    return {
      cols,
      rows,
      affected_row_count: Number(after - before),
      last_insert_rowid: rowid === 0n ? null : rowid.toString(),
    };
  }

  private holds(cond: BatchCond, outcomes: ("ok" | "error" | null)[]): boolean {
    switch (cond.type) {
      case "ok":
      case "error":
        return outcomes[cond.step] === cond.type;
      case "not":
        return !this.holds(cond.cond, outcomes);
      case "and":
        return cond.conds.every((c) => this.holds(c, outcomes));
      case "or":
        return cond.conds.some((c) => this.holds(c, outcomes));
      case "is_autocommit":
        return !this.conn.inTransaction;
    }
  }

  batch(steps: { condition?: BatchCond | null; stmt: Stmt }[]) {
    const outcomes: ("ok" | "error" | null)[] = [];
    const step_results: (StmtResult | null)[] = [];
    const step_errors: (HranaError | null)[] = [];
    steps.forEach((step, i) => {
      outcomes[i] = null;
      step_results[i] = null;
      step_errors[i] = null;
      if (step.condition && !this.holds(step.condition, outcomes)) return;
      try {
        step_results[i] = this.execute(step.stmt);
        outcomes[i] = "ok";
      } catch (e) {
        step_errors[i] = toHranaError(e);
        outcomes[i] = "error";
      }
    });
    return { step_results, step_errors };
  }

  handle(request: StreamRequest): { type: string; [key: string]: unknown } {
    switch (request.type) {
      case "execute":
        return { type: "execute", result: this.execute(request.stmt) };
      case "batch":
        return { type: "batch", result: this.batch(request.batch.steps) };
      case "sequence":
        this.conn.exec(this.sqlOf(request));
        return { type: "sequence" };
      case "store_sql":
        this.sqls.set(request.sql_id, request.sql);
        return { type: "store_sql" };
      case "close_sql":
        this.sqls.delete(request.sql_id);
        return { type: "close_sql" };
      case "get_autocommit":
        return { type: "get_autocommit", is_autocommit: !this.conn.inTransaction };
      case "describe":
        throw new StreamError("describe is not supported by this test server", "NOT_SUPPORTED");
      default:
        throw new StreamError(`unknown request type ${(request as { type: string }).type}`, "PROTOCOL");
    }
  }

  close() {
    if (!this.conn.open) return;
    // A transaction the stream left open is rolled back, as sqld does when a stream expires; a
    // bare close would leave it (and its lock) to a zombie connection until every statement is freed.
    if (this.conn.inTransaction) this.conn.exec("ROLLBACK");
    this.conn.close();
  }
}

/** Streams by baton: every response hands out a new one, and an old baton is never accepted again. */
export class Streams {
  private readonly byBaton = new Map<string, Stream>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly open: (namespace: string) => Connection,
    readonly expiryMs: number,
  ) {
    this.sweeper = setInterval(() => this.expire(), Math.min(1000, expiryMs / 2));
    this.sweeper.unref();
  }

  get size() {
    return this.byBaton.size;
  }

  /** Closes streams idle for longer than the expiry. */
  expire(now = Date.now()) {
    for (const [baton, stream] of this.byBaton) {
      if (now - stream.lastUsed > this.expiryMs) {
        this.byBaton.delete(baton);
        stream.close();
      }
    }
  }

  pipeline(namespace: string, body: { baton?: string | null; requests?: StreamRequest[] }) {
    if (!Array.isArray(body.requests)) throw new ProtocolError("requests must be an array");
    let stream: Stream;
    if (body.baton) {
      const found = this.byBaton.get(body.baton);
      if (!found) throw new ProtocolError("The stream has expired or the baton is invalid");
      this.byBaton.delete(body.baton);
      stream = found;
    } else {
      stream = new Stream(this.open(namespace));
    }
    let closed = false;
    const results = body.requests.map((request) => {
      if (closed) return { type: "error", error: { message: "The stream is closed", code: "STREAM_CLOSED" } };
      if (request.type === "close") {
        closed = true;
        return { type: "ok", response: { type: "close" } };
      }
      try {
        return { type: "ok", response: stream.handle(request) };
      } catch (e) {
        return { type: "error", error: toHranaError(e) };
      }
    });
    if (closed) {
      stream.close();
      return { baton: null, base_url: null, results };
    }
    const baton = randomBytes(18).toString("base64url");
    stream.lastUsed = Date.now();
    this.byBaton.set(baton, stream);
    return { baton, base_url: null, results };
  }

  closeAll() {
    clearInterval(this.sweeper);
    for (const stream of this.byBaton.values()) stream.close();
    this.byBaton.clear();
  }
}
