// npm run db:check [-- --db URL] [--repair-reports]: integrity, foreign keys, migrations and the
// report summaries against their recomputation. Exits 1 on any problem; one JSON line last.
import { parseArgs } from "node:util";
import { checkDatabase } from "../db/check";
import { createDb, openClient } from "../db/client";
import { rebuildReportStats } from "../db/queries/report-stats";
import { env } from "../lib/env";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: env.DATABASE_URL },
    "repair-reports": { type: "boolean", default: false },
  },
});
const client = openClient(values.db);
const db = createDb(client);
const started = performance.now();

if (values["repair-reports"]) {
  await rebuildReportStats({ db });
  console.log("report summaries rebuilt from the attempts");
}
const results = await checkDatabase(db);
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.check}: ${r.detail}`);
const failed = results.filter((r) => !r.ok).map((r) => r.check);
console.log(
  JSON.stringify({
    database: values.db.replace(/\/\/.*@/, "//***@"),
    ok: failed.length === 0,
    failed,
    ms: Math.round(performance.now() - started),
  }),
);
client.close();
process.exit(failed.length === 0 ? 0 : 1);
