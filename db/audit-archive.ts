import "server-only";
import { createHash, type KeyObject } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, open, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  ARCHIVE_FORMAT,
  archiveLine,
  keyFingerprint,
  manifestText,
  signManifest,
} from "../lib/audit/archive-manifest";
import type { Db } from "./client";
import {
  type ArchiveCursor,
  auditEntriesBefore,
  countAuditEntriesBefore,
  removeArchivedEntries,
} from "./queries/audit-archive";

const PAGE = 2000;
const DAY_MS = 86_400_000;

/** The start of the UTC day `retentionDays` before `now`: entries before it have been kept long enough. */
export function archiveCutoff(now: Date, retentionDays: number): Date {
  const day = Math.floor((now.getTime() - retentionDays * DAY_MS) / DAY_MS);
  return new Date(day * DAY_MS);
}

export type ArchiveOutcome =
  | { archived: 0; cutoff: string }
  | { archived: number; cutoff: string; file: string; manifest: string; signature: string; sha256: string };

/**
 * `npm run audit:archive`: the entries older than the retention are written to a JSON Lines file
 * (through a .partial file, fsynced, read back and hashed again), its manifest signed with the
 * Ed25519 key, and only then removed from the database in the one batch that records the archive
 * (db/queries/audit-archive.ts). Should the removal fail, the files stay and nothing is removed.
 */
export async function archiveAuditLog({
  db,
  now = new Date(),
  retentionDays,
  outDir,
  privateKey,
}: {
  db: Db;
  now?: Date;
  retentionDays: number;
  outDir: string;
  privateKey: KeyObject;
}): Promise<ArchiveOutcome> {
  const cutoff = archiveCutoff(now, retentionDays);
  const expected = await countAuditEntriesBefore({ cutoff, db });
  if (expected === 0) return { archived: 0, cutoff: cutoff.toISOString() };

  await mkdir(outDir, { recursive: true });
  const base = `audit-before-${cutoff.toISOString().slice(0, 10)}-${now.toISOString().replace(/[:.]/g, "")}`;
  const file = `${base}.jsonl`;
  const partial = path.join(outDir, `${file}.partial`);
  const hash = createHash("sha256");
  const out = createWriteStream(partial, { flags: "wx" });
  let entries = 0;
  let firstAt: string | null = null;
  let lastAt: string | null = null;
  let cursor: ArchiveCursor | null = null;
  do {
    const page = await auditEntriesBefore({ cutoff, cursor, limit: PAGE, db });
    for (const line of page.lines) {
      const text = archiveLine(line);
      hash.update(text);
      if (!out.write(text)) await once(out, "drain");
      firstAt ??= line.createdAt;
      lastAt = line.createdAt;
      entries++;
    }
    cursor = page.lines.length < PAGE ? null : page.next;
  } while (cursor);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const handle = await open(partial, "r+");
  await handle.sync();
  await handle.close();
  const sha256 = hash.digest("hex");
  const written = await readFile(partial);
  if (createHash("sha256").update(written).digest("hex") !== sha256 || entries !== expected)
    throw new Error(
      `the archive file does not hold the ${expected} entries read (${entries}); nothing removed`,
    );

  const manifest = manifestText({
    format: ARCHIVE_FORMAT,
    file,
    sha256,
    entries,
    cutoff: cutoff.toISOString(),
    firstAt,
    lastAt,
    createdAt: now.toISOString(),
    keyFingerprint: keyFingerprint(privateKey),
  });
  const signature = signManifest(manifest, privateKey);
  const manifestFile = path.join(outDir, `${base}.manifest.json`);
  const signatureFile = path.join(outDir, `${base}.manifest.sig`);
  await writeFile(manifestFile, manifest, { flag: "wx" });
  await writeFile(signatureFile, signature, { flag: "wx" });
  await rename(partial, path.join(outDir, file));

  await removeArchivedEntries({
    record: {
      cutoff,
      entries,
      firstAt: firstAt ? new Date(firstAt) : null,
      lastAt: lastAt ? new Date(lastAt) : null,
      file,
      sha256,
      signature: signature.toString("base64"),
      keyFingerprint: keyFingerprint(privateKey),
    },
    db,
  });
  return {
    archived: entries,
    cutoff: cutoff.toISOString(),
    file: path.join(outDir, file),
    manifest: manifestFile,
    signature: signatureFile,
    sha256,
  };
}
