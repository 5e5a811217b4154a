// npm run audit:verify -- <archive>.manifest.json --public-key audit-archive.pub
// Checks an audit archive without the database: the manifest's Ed25519 signature (<archive>.manifest.sig
// beside it) with the given public key, the JSON Lines file's SHA-256 and every line. Exits 1 on a problem.
import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type ArchiveManifest, verifyArchive } from "../lib/audit/archive-manifest";

const { values, positionals } = parseArgs({
  options: { "public-key": { type: "string" } },
  allowPositionals: true,
});
const manifestFile = positionals[0];
if (!manifestFile || !values["public-key"]) {
  console.error("usage: npm run audit:verify -- <archive>.manifest.json --public-key audit-archive.pub");
  process.exit(2);
}
const manifest = readFileSync(manifestFile, "utf8");
const { file } = JSON.parse(manifest) as ArchiveManifest;
const problems = verifyArchive({
  manifest,
  signature: readFileSync(manifestFile.replace(/\.json$/, ".sig")),
  jsonl: readFileSync(path.join(path.dirname(manifestFile), path.basename(file))),
  publicKey: createPublicKey(readFileSync(values["public-key"])),
});
for (const p of problems) console.log(`FAIL ${p}`);
console.log(JSON.stringify({ manifest: manifestFile, ok: problems.length === 0, problems: problems.length }));
process.exit(problems.length === 0 ? 0 : 1);
