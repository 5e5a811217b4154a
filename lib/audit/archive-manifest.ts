import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

/**
 * The signed audit archive (npm run audit:archive), as three files side by side:
 *
 *   audit-before-<cutoff>-<run>.jsonl          one entry per line, oldest first (ArchiveLine)
 *   audit-before-<cutoff>-<run>.manifest.json  what the file holds (ArchiveManifest), its SHA-256
 *   audit-before-<cutoff>-<run>.manifest.sig   the Ed25519 signature of the manifest's exact bytes
 *
 * Anyone with the public key verifies them without this app: `sha256sum` against the manifest's
 * `sha256`, and `openssl pkeyutl -verify -pubin -inkey audit-archive.pub -rawin -in <manifest>
 * -sigfile <sig>`; `npm run audit:verify` does both and checks every line.
 */
export const ARCHIVE_FORMAT = "counter-service-training/audit-archive/1";

export type ArchiveLine = {
  id: string;
  createdAt: string;
  actorId: string | null;
  actorEmployeeNo: string | null;
  actorAddress: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
};

export type ArchiveManifest = {
  format: typeof ARCHIVE_FORMAT;
  /** The JSON Lines file's name, beside the manifest. */
  file: string;
  sha256: string;
  entries: number;
  /** Every entry is older than this (ISO 8601, UTC). */
  cutoff: string;
  firstAt: string | null;
  lastAt: string | null;
  createdAt: string;
  /** SHA-256 of the signing key's public half (SPKI, DER), to tell which key to verify with. */
  keyFingerprint: string;
};

export function archiveLine(entry: ArchiveLine): string {
  return `${JSON.stringify(entry)}\n`;
}

/** The manifest's bytes as signed: keys in a fixed order, two-space indent, one newline at the end. */
export function manifestText(manifest: ArchiveManifest): string {
  const ordered: ArchiveManifest = {
    format: manifest.format,
    file: manifest.file,
    sha256: manifest.sha256,
    entries: manifest.entries,
    cutoff: manifest.cutoff,
    firstAt: manifest.firstAt,
    lastAt: manifest.lastAt,
    createdAt: manifest.createdAt,
    keyFingerprint: manifest.keyFingerprint,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function keyFingerprint(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

/** Ed25519 needs no digest name: the algorithm is the key's. */
export function signManifest(text: string, privateKey: KeyObject): Buffer {
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new Error("the audit archive key must be an Ed25519 key");
  return sign(null, Buffer.from(text, "utf8"), privateKey);
}

/**
 * Everything wrong with an archive, checked against the trusted public key: the signature over the
 * manifest, the file's SHA-256, the number of lines, that each line is an entry older than the cutoff.
 */
export function verifyArchive({
  manifest,
  signature,
  jsonl,
  publicKey,
}: {
  manifest: string;
  signature: Buffer;
  jsonl: Buffer;
  publicKey: KeyObject;
}): string[] {
  if (!verify(null, Buffer.from(manifest, "utf8"), publicKey, signature))
    return ["the signature does not match the manifest and this public key"];
  const parsed = JSON.parse(manifest) as ArchiveManifest;
  const problems: string[] = [];
  if (parsed.format !== ARCHIVE_FORMAT) problems.push(`unknown format ${parsed.format}`);
  if (parsed.keyFingerprint !== keyFingerprint(publicKey)) problems.push("the manifest names another key");
  const sha256 = createHash("sha256").update(jsonl).digest("hex");
  if (sha256 !== parsed.sha256)
    problems.push(`the file's SHA-256 is ${sha256}, the manifest says ${parsed.sha256}`);
  const lines = jsonl.toString("utf8").split("\n").filter(Boolean);
  if (lines.length !== parsed.entries)
    problems.push(`${lines.length} lines, the manifest says ${parsed.entries}`);
  const cutoff = Date.parse(parsed.cutoff);
  lines.forEach((line, i) => {
    try {
      const entry = JSON.parse(line) as ArchiveLine;
      if (!(Date.parse(entry.createdAt) < cutoff))
        problems.push(`line ${i + 1} is not older than the cutoff`);
    } catch {
      problems.push(`line ${i + 1} is not JSON`);
    }
  });
  return problems;
}
