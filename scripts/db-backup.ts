// npm run db:backup -- --out FILE [--db URL]: an online, consistent copy of the embedded database
// while the app keeps serving (VACUUM INTO reads one snapshot; writers carry on). The copy is
// written beside FILE and renamed into place only once complete. Last line: one JSON object.
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isFileUrl, openClient } from "../db/client";
import { env } from "../lib/env";

const { values } = parseArgs({
  options: { out: { type: "string" }, db: { type: "string", default: env.DATABASE_URL } },
});

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

if (!values.out) fail("usage: npm run db:backup -- --out FILE [--db file:./data/app.db]");
if (!isFileUrl(values.db)) {
  fail(`DATABASE_URL is a libSQL server (${values.db.replace(/\/\/.*@/, "//***@")}); this command copies the embedded file only.
Back up the server where it runs instead:
  - sqld: stop writes or snapshot its data directory (the dbs/<namespace>/data file and its WAL) with
    your storage tooling, or run sqld with bottomless replication to S3-compatible storage;
  - Turso: point-in-time restore is built in ("turso db create <new> --from-db <db> --timestamp …"),
    and "turso db shell <db> .dump > backup.sql" gives a plain SQL copy.
Then check a restored copy with: DATABASE_URL=file:restored.db npm run db:check`);
}
const out = path.resolve(values.out);
if (existsSync(out)) fail(`${out} exists already; choose a new file (backups are never overwritten)`);

const partial = `${out}.partial`;
rmSync(partial, { force: true });
const client = openClient(values.db);
const started = performance.now();
try {
  await client.execute({ sql: "VACUUM INTO ?", args: [partial] });
  const check = await openClient(`file:${partial}`).execute("pragma quick_check");
  if (check.rows[0]?.[0] !== "ok") fail(`the copy failed its quick_check: ${String(check.rows[0]?.[0])}`, 1);
  renameSync(partial, out);
} catch (e) {
  rmSync(partial, { force: true });
  fail(`backup failed: ${e instanceof Error ? e.message : String(e)}`, 1);
}
const ms = Math.round(performance.now() - started);
console.log(
  `backup written to ${out}; restore by stopping the app and putting it in place of the database file`,
);
console.log(JSON.stringify({ out, bytes: statSync(out).size, ms }));
client.close();
