// npm run bench:import — 5,000 new employees through the same dry run and import the admin page uses,
// against a fresh temporary database with the demo bank. Prints one JSON object as its last line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
const url = `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = url;

const { createDb, openClient } = await import("../../db/client");
const { runMigrations } = await import("../../db/migrate");
const { seedDemo } = await import("../../db/seed");
const { planImport, runImport, storeUpload } = await import("../../db/queries/admin-import");
const { findUserByEmployeeNo } = await import("../../db/queries/users");

const client = openClient(url);
const db = createDb(client);
await runMigrations(db, url);
await seedDemo(db);
const admin = await findUserByEmployeeNo({ employeeNo: "E9001" });
if (!admin) throw new Error("demo admin missing");

const branches = ["EAST-JA", "EAST-PD", "EAST-XH", "总行/华南分行/天河支行", "SOUTH-FT", "SOUTH-NS"];
const lines = ["员工号,姓名,机构,角色,邮箱,入职日期,在职"];
for (let i = 0; i < ROWS; i++) {
  const no = `B${String(100000 + i)}`;
  const role = i % 50 === 0 ? "管理者" : "学员";
  lines.push(
    `${no},员工${i},${branches[i % branches.length]},${role},${no.toLowerCase()}@bank.example,2026-03-01,是`,
  );
}
const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);

const time = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, Math.round(performance.now() - start)];
};

const [uploadId, uploadMs] = await time(() =>
  storeUpload({ actorId: admin.id, fileName: "bench.csv", bytes, db }),
);
const [plan, dryRunMs] = await time(() => planImport({ bytes, db }));
const [result, importMs] = await time(() =>
  runImport({ uploadId, digest: plan.digest, actorId: admin.id, db }),
);
const [again, reDryRunMs] = await time(() => planImport({ bytes, db }));
const assignments = await client.execute("select count(*) as n from assignments where source = 'onboarding'");
client.close();
rmSync(dir, { recursive: true, force: true });

if (result.status !== "imported") throw new Error(`import did not run: ${result.status}`);
const summary = {
  rows: ROWS,
  bytes: bytes.length,
  uploadMs,
  dryRunMs,
  importMs,
  dryRunPlusImportMs: dryRunMs + importMs,
  created: result.created.length,
  updated: result.updated,
  reImportUnchanged: again.counts.unchanged,
  reImportChanges: again.counts.create + again.counts.update,
  reDryRunMs,
  onboardingAssignments: Number(assignments.rows[0]?.n ?? 0),
};
console.log(`bench:import: ${ROWS} rows, dry run ${dryRunMs} ms, import ${importMs} ms`);
console.log(JSON.stringify(summary));
