// npm run db:generate:check — fails when db/schema.ts has changes that no committed migration covers:
// drizzle-kit generate runs against a copy of db/migrations and must leave it exactly as it was.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const committed = "db/migrations";
const work = mkdtempSync(path.join(tmpdir(), "migrations-check-"));
const out = path.join(work, "migrations");
cpSync(committed, out, { recursive: true });
const config = path.join(work, "drizzle.config.mjs");
writeFileSync(
  config,
  // drizzle-kit wants paths relative to the working directory.
  `export default ${JSON.stringify({ dialect: "sqlite", schema: "./db/schema.ts", out: path.relative(".", out) })};\n`,
);

/** Every file below `dir` with its content, by path relative to it. */
function files(dir, prefix = "") {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(dir, path.join(prefix, e.name))
      : [[path.join(prefix, e.name), readFileSync(path.join(dir, prefix, e.name), "utf8")]],
  );
}

try {
  const run = spawnSync("npx", ["drizzle-kit", "generate", "--config", config], { encoding: "utf8" });
  const output = run.stdout + run.stderr;
  if (run.status !== 0 || !/No schema changes|migration file/.test(output) || /Error/.test(output)) {
    process.stderr.write(output);
    console.error("db:generate:check: drizzle-kit generate did not run cleanly");
    process.exit(run.status || 1);
  }
  const before = new Map(files(committed));
  const changed = files(out).filter(([name, text]) => before.get(name) !== text);
  if (changed.length > 0) {
    console.error(
      `db/schema.ts has changes without a migration (drizzle-kit generate would write ${changed
        .map(([name]) => name)
        .join(", ")}). Run npm run db:generate and commit the result.`,
    );
    process.exit(1);
  }
  console.log("db/migrations matches db/schema.ts");
} finally {
  rmSync(work, { recursive: true, force: true });
}
