// npm run bench:compile — cold and warm compile time of every zh-CN chapter through the one content
// pipeline (parse → validate → knowledge check → HTML). Each chapter is compiled in a fresh Node
// process (scripts/bench/compile-worker.ts), timing the pipeline's module import and the first compile
// separately; the same process then times WARM_RUNS warm compiles. The largest chapter is also measured
// in LARGEST_RUNS fresh processes. One JSON line per chapter, then a summary line.
// Target: a cold compile of a chapter-sized module takes < 500 ms (met = max cold_compile_ms < 500).
// Import times include tsx transpiling the TypeScript sources (cached by tsx across runs), which a
// production build does ahead of time.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { round } from "./harness";

const TARGET_MS = 500;
const LARGEST_RUNS = Number(process.env.BENCH_LARGEST_RUNS ?? 5);
const ROOT = path.resolve(import.meta.dirname, "../..");
const CHAPTER_DIR = path.join(ROOT, "content", "chapters");
const WORKER = path.join(import.meta.dirname, "compile-worker.ts");

type Cold = { importMs: number; compileMs: number; warmMedianMs: number };

/** One fresh process: import the pipeline, compile the chapter once, then warm compiles. */
function coldRun(file: string): Cold {
  const child = spawnSync(process.execPath, ["--import", "tsx", WORKER, file], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`worker failed for ${file}:\n${child.stderr}`);
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as Cold;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const files = readdirSync(CHAPTER_DIR)
  .filter((name) => name.endsWith(".zh-CN.mdx"))
  .sort()
  .map((name) => ({
    name,
    file: path.join(CHAPTER_DIR, name),
    bytes: statSync(path.join(CHAPTER_DIR, name)).size,
  }));
if (files.length === 0) throw new Error(`no *.zh-CN.mdx in ${CHAPTER_DIR}`);

// One throwaway run so that the first chapter does not also pay for filling tsx's transpile cache.
coldRun(files[0]?.file as string);

const rows = files.map(({ name, file, bytes }) => {
  const r = coldRun(file);
  const row = {
    chapter: name,
    bytes,
    cold_import_ms: round(r.importMs),
    cold_compile_ms: round(r.compileMs),
    cold_total_ms: round(r.importMs + r.compileMs),
    warm_median_ms: round(r.warmMedianMs),
  };
  console.log(JSON.stringify(row));
  return row;
});

const largest = files.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const largestRuns = Array.from({ length: LARGEST_RUNS }, () => coldRun(largest.file));
const max = (key: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => Number(r[key])));
const maxColdCompile = Math.max(max("cold_compile_ms"), ...largestRuns.map((r) => round(r.compileMs)));

console.log(
  JSON.stringify({
    summary: true,
    chapters: rows.length,
    max_cold_import_ms: max("cold_import_ms"),
    max_cold_compile_ms: maxColdCompile,
    max_cold_total_ms: max("cold_total_ms"),
    max_warm_median_ms: max("warm_median_ms"),
    largest: largest.name,
    largest_bytes: largest.bytes,
    largest_runs: LARGEST_RUNS,
    largest_cold_compile_median_ms: round(median(largestRuns.map((r) => r.compileMs))),
    largest_cold_compile_max_ms: round(Math.max(...largestRuns.map((r) => r.compileMs))),
    largest_cold_total_median_ms: round(median(largestRuns.map((r) => r.importMs + r.compileMs))),
    target_ms: TARGET_MS,
    met: maxColdCompile < TARGET_MS,
  }),
);
