// Child process of `npm run bench:compile` (scripts/bench/compile.ts): one fresh process per chapter.
// Times the pipeline's module import and its first compile separately, then 20 warm compiles.
// Prints one JSON object on stdout.
import { readFileSync } from "node:fs";
import path from "node:path";
import zhCN from "../../messages/zh-CN.json" with { type: "json" };

const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 20);
const file = process.argv[2];
if (!file) throw new Error("usage: compile-worker.ts <chapter.mdx>");
const source = readFileSync(file, "utf8");
const [slug, locale] = path.basename(file, ".mdx").split(/\.(?=[^.]+$)/) as [string, string];
const options = { labels: zhCN.mdx, expect: { slug, locale } };

const t0 = performance.now();
const { compileChapter } = await import("../../lib/content/compile");
const t1 = performance.now();
const first = compileChapter(source, options);
const t2 = performance.now();
if (!first.ok) {
  const issues = first.issues.map((i) => `${file}:${i.line}:${i.column} ${i.message}`);
  throw new Error(`chapter does not compile:\n${issues.join("\n")}`);
}

const warm: number[] = [];
for (let i = 0; i < WARM_RUNS; i++) {
  const start = performance.now();
  compileChapter(source, options);
  warm.push(performance.now() - start);
}
warm.sort((a, b) => a - b);
const mid = Math.floor(warm.length / 2);
const median =
  warm.length % 2 ? (warm[mid] as number) : ((warm[mid - 1] as number) + (warm[mid] as number)) / 2;

console.log(JSON.stringify({ importMs: t1 - t0, compileMs: t2 - t1, warmMedianMs: median }));
