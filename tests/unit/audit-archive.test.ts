import { execFileSync, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { archiveAuditLog, archiveCutoff } from "@/db/audit-archive";
import { removeArchivedEntries } from "@/db/queries/audit-archive";
import { auditArchivePermits, auditArchives, auditLog } from "@/db/schema";
import { verifyArchive } from "@/lib/audit/archive-manifest";
import { setUpTestDb } from "./test-db";

const DAY_MS = 86_400_000;
const { db } = setUpTestDb();
const out = mkdtempSync(path.join(tmpdir(), "audit-archive-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const { privateKey, publicKey } = generateKeyPairSync("ed25519");

async function entry(id: string, ageDays: number, extra: Partial<typeof auditLog.$inferInsert> = {}) {
  await db.insert(auditLog).values({
    id,
    action: "auth.signin_failed",
    targetType: "employee_no",
    targetId: "E1001",
    actorAddress: "203.0.113.9",
    after: { failures: 1 },
    createdAt: new Date(Date.now() - ageDays * DAY_MS),
    ...extra,
  });
}

/** The trigger's message, which drizzle wraps in its own error. */
async function refusal(write: Promise<unknown>): Promise<string> {
  try {
    await write;
  } catch (e) {
    return `${e instanceof Error ? e.message : e} ${e instanceof Error && e.cause instanceof Error ? e.cause.message : ""}`;
  }
  return "done";
}

const ids = async () => (await db.select({ id: auditLog.id }).from(auditLog)).map((r) => r.id).sort();

describe("audit log retention", () => {
  it("puts the cutoff at the start of the UTC day 180 days back", () => {
    expect(archiveCutoff(new Date("2026-12-02T10:30:00Z"), 180).toISOString()).toBe(
      "2026-06-05T00:00:00.000Z",
    );
  });

  it("refuses to delete any entry from outside the archive run, young or old", async () => {
    await entry("old-guarded", 400);
    await entry("young-guarded", 5);
    expect(await refusal(db.run(sql`delete from ${auditLog} where id = 'old-guarded'`))).toMatch(
      /append-only/,
    );
    expect(await refusal(db.run(sql`delete from ${auditLog}`))).toMatch(/append-only/);
    expect(await refusal(db.run(sql`update ${auditLog} set action = 'x' where id = 'old-guarded'`))).toMatch(
      /append-only/,
    );
    expect(await ids()).toEqual(["old-guarded", "young-guarded"]);
  });

  it("cannot be tricked by an archive record younger than 180 days or a permit for an old archive", async () => {
    expect(
      await refusal(
        db.insert(auditArchives).values({
          id: "recent",
          cutoff: new Date(Date.now() - 10 * DAY_MS),
          entries: 1,
          file: "x",
          sha256: "x",
          signature: "x",
          keyFingerprint: "x",
        }),
      ),
    ).toMatch(/at least 180 days/);
    // An archive recorded long ago (as if by an earlier run) gives no permit now.
    await db.run(sql`insert into ${auditArchives} (id, created_at, cutoff, entries, file, sha256, signature, key_fingerprint)
      values ('earlier', unixepoch() - 3600, unixepoch() - 300 * 86400, 0, 'f', 's', 'g', 'k')`);
    expect(await refusal(db.insert(auditArchivePermits).values({ archiveId: "earlier" }))).toMatch(/permit/);
    expect(await refusal(db.run(sql`update ${auditArchives} set entries = 9 where id = 'earlier'`))).toMatch(
      /append-only/,
    );
  });

  it("removes nothing when the number of entries changed since the export", async () => {
    await expect(
      removeArchivedEntries({
        record: {
          cutoff: new Date(Date.now() - 200 * DAY_MS),
          entries: 7,
          firstAt: null,
          lastAt: null,
          file: "stale.jsonl",
          sha256: "0",
          signature: "0",
          keyFingerprint: "0",
        },
        db,
      }),
    ).rejects.toThrow();
    expect(await ids()).toEqual(["old-guarded", "young-guarded"]);
    expect(await db.select().from(auditArchives).where(eq(auditArchives.file, "stale.jsonl"))).toEqual([]);
    expect(await db.select().from(auditArchivePermits)).toEqual([]);
  });

  it("exports the old entries to a signed file, then removes exactly those and audits the run", async () => {
    await entry("old-2", 250, { actorAddress: null, action: "user.update" });
    const outcome = await archiveAuditLog({ db, retentionDays: 180, outDir: out, privateKey });
    expect(outcome.archived).toBe(2);
    if (!("file" in outcome)) throw new Error("nothing archived");

    const jsonl = readFileSync(outcome.file);
    const lines = jsonl
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["old-guarded", "old-2"]);
    expect(lines[0]).toMatchObject({ actorId: null, actorAddress: "203.0.113.9", targetId: "E1001" });
    const manifest = readFileSync(outcome.manifest, "utf8");
    const signature = readFileSync(outcome.signature);
    expect(verifyArchive({ manifest, signature, jsonl, publicKey })).toEqual([]);

    const left = await ids();
    expect(left).toContain("young-guarded");
    expect(left).not.toContain("old-guarded");
    expect(left).not.toContain("old-2");
    const [run] = await db.select().from(auditLog).where(eq(auditLog.action, "audit.archive"));
    expect(run?.after).toMatchObject({ entries: 2, sha256: outcome.sha256 });
    expect(await db.select().from(auditArchivePermits)).toEqual([]);
    // The run's own entry is young, so it stays, guarded like every other.
    expect(await refusal(db.run(sql`delete from ${auditLog} where id = ${run?.id ?? ""}`))).toMatch(
      /append-only/,
    );
  });

  it("reports an archive whose file or manifest was changed, or that another key signed", async () => {
    await entry("old-3", 300);
    const outcome = await archiveAuditLog({ db, retentionDays: 180, outDir: out, privateKey });
    if (!("file" in outcome)) throw new Error("nothing archived");
    const jsonl = readFileSync(outcome.file);
    const manifest = readFileSync(outcome.manifest, "utf8");
    const signature = readFileSync(outcome.signature);
    const edited = Buffer.from(jsonl.toString("utf8").replace("E1001", "E1002"));
    expect(verifyArchive({ manifest, signature, jsonl: edited, publicKey })).toEqual([
      expect.stringContaining("SHA-256"),
    ]);
    expect(
      verifyArchive({
        manifest: manifest.replace('"entries": 1', '"entries": 2'),
        signature,
        jsonl,
        publicKey,
      }),
    ).toEqual([expect.stringContaining("signature")]);
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(verifyArchive({ manifest, signature, jsonl, publicKey: other })).toEqual([
      expect.stringContaining("signature"),
    ]);
  });

  it("verifies with openssl alone, as the README says", () => {
    const files = readdirSync(out).filter((f) => f.endsWith(".manifest.json"));
    const pub = path.join(out, "audit-archive.pub");
    writeFileSync(pub, publicKey.export({ type: "spki", format: "pem" }));
    for (const manifest of files) {
      const full = path.join(out, manifest);
      const result = execFileSync(
        "openssl",
        [
          "pkeyutl",
          "-verify",
          "-pubin",
          "-inkey",
          pub,
          "-rawin",
          "-in",
          full,
          "-sigfile",
          full.replace(/\.json$/, ".sig"),
        ],
        { encoding: "utf8" },
      );
      expect(result).toContain("Signature Verified Successfully");
    }
  });

  it("keeps the deleting module out of the app: nothing the server serves imports it", () => {
    const grep = spawnSync(
      "grep",
      [
        "-rlE",
        "--include=*.ts",
        "--include=*.tsx",
        '(queries|db)/audit-archive"',
        "app",
        "components",
        "lib",
        "proxy.ts",
        "server.ts",
      ],
      { cwd: path.join(import.meta.dirname, "../.."), encoding: "utf8" },
    );
    expect(grep.status).toBe(1);
    expect(grep.stdout).toBe("");
  });
});
