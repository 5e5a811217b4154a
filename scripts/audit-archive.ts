// npm run audit:archive [-- --out DIR] [--dry-run]: moves the audit entries older than
// AUDIT_RETENTION_DAYS (at least 180) into a signed JSON Lines file, then removes them from the
// database, auditing the run (db/audit-archive.ts; README "Audit log retention"). Needs
// AUDIT_ARCHIVE_KEY_FILE, an Ed25519 private key in PEM. One JSON line last; exits 1 on failure.
import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { archiveAuditLog, archiveCutoff } from "../db/audit-archive";
import { db } from "../db/client";
import { countAuditEntriesBefore } from "../db/queries/audit-archive";
import { env } from "../lib/env";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: env.AUDIT_ARCHIVE_DIR },
    "dry-run": { type: "boolean", default: false },
  },
});
const now = new Date();

if (values["dry-run"]) {
  const cutoff = archiveCutoff(now, env.AUDIT_RETENTION_DAYS);
  const entries = await countAuditEntriesBefore({ cutoff });
  console.log(JSON.stringify({ dryRun: true, cutoff: cutoff.toISOString(), entries }));
  process.exit(0);
}
if (!env.AUDIT_ARCHIVE_KEY_FILE) {
  console.error(`audit:archive: set AUDIT_ARCHIVE_KEY_FILE to an Ed25519 private key (PEM). Make one with
  openssl genpkey -algorithm ed25519 -out audit-archive.key
  openssl pkey -in audit-archive.key -pubout -out audit-archive.pub
and give audit-archive.pub to whoever verifies the archives.`);
  process.exit(2);
}
try {
  const privateKey = createPrivateKey(readFileSync(env.AUDIT_ARCHIVE_KEY_FILE));
  const outcome = await archiveAuditLog({
    db,
    now,
    retentionDays: env.AUDIT_RETENTION_DAYS,
    outDir: values.out,
    privateKey,
  });
  console.log(JSON.stringify({ ...outcome, retentionDays: env.AUDIT_RETENTION_DAYS }));
} catch (e) {
  console.error(`audit:archive: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
