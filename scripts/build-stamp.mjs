// Whether the production build in .next still matches the sources, so the demo can skip `next build`.
// The stamp (.next/demo-build.json) holds a SHA-256 over every file the build may read (path and
// bytes, so a checkout that only touches mtimes costs nothing) and the BUILD_ID of the build it
// describes: a build made since by anything else (`npm run build` of other sources) has another id.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Not read by `next build`: dependencies (the lockfile stands for them), outputs, data, tests, docs. */
const SKIP_DIRS = new Set([
  "node_modules",
  ".next",
  ".git",
  "data",
  "e2e",
  "tests",
  "test-results",
  "playwright-report",
  "bench-results",
  "deploy",
  ".ci",
]);
const SKIP_FILES = /^(README|ARCHITECTURE|CHANGELOG)\.md$|\.tsbuildinfo$|^\.auth-secret$|^next-env\.d\.ts$/;
const STAMP = "demo-build.json";

function files(root, dir = "") {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : files(root, rel);
      return entry.isFile() && !(dir === "" && SKIP_FILES.test(entry.name)) ? [rel] : [];
    });
}

/** The digest of the sources, the lockfile, the config and the NEXT_PUBLIC_ variables a build inlines. */
export function sourceDigest(root, env = process.env) {
  const hash = createHash("sha256");
  for (const rel of files(root)) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(root, rel)));
    hash.update("\0");
  }
  for (const key of Object.keys(env)
    .filter((k) => k.startsWith("NEXT_PUBLIC_"))
    .sort())
    hash.update(`${key}=${env[key]}\0`);
  return hash.digest("hex");
}

function buildId(root) {
  const file = path.join(root, ".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/** "missing" (no build), "changed" (the sources or the build differ from the stamp) or "current". */
export function buildState(root, env = process.env) {
  const id = buildId(root);
  if (!id) return "missing";
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(root, ".next", STAMP), "utf8"));
  } catch {
    return "changed";
  }
  return stamp.buildId === id && stamp.digest === sourceDigest(root, env) ? "current" : "changed";
}

/** Records that the build now in .next was made from the sources as they are. */
export function writeBuildStamp(root, digest, env = process.env) {
  writeFileSync(
    path.join(root, ".next", STAMP),
    JSON.stringify({ buildId: buildId(root), digest: digest ?? sourceDigest(root, env) }),
  );
}
