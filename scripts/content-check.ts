// Validates the shipped curriculum: prints `file:line:column message` per problem, exits 1 on any.
import path from "node:path";
import { chapterFiles } from "@/lib/content/catalog";
import { checkParity } from "@/lib/content/parity";

const problems: string[] = [];
const files = chapterFiles();
const rel = (file: string) => path.relative(process.cwd(), file);

for (const entry of files.values()) {
  if (!entry.result.ok) {
    for (const i of entry.result.issues)
      problems.push(`${rel(entry.file)}:${i.line}:${i.column} ${i.message}`);
  }
}
for (const entry of files.values()) {
  if (entry.locale === "zh-CN" || !entry.result.ok) continue;
  const source = files.get(`${entry.slug}.zh-CN`);
  if (!source) {
    problems.push(`${rel(entry.file)}:1:1 translation without a zh-CN source`);
    continue;
  }
  if (!source.result.ok) continue;
  for (const p of checkParity(source.result.chapter, entry.result.chapter))
    problems.push(`${rel(entry.file)}:1:1 ${p}`);
}

for (const p of problems) console.error(p);
const chapters = [...files.values()].filter((e) => e.result.ok).length;
console.log(`content:check: ${files.size} chapter files, ${chapters} valid, ${problems.length} problem(s)`);
process.exit(problems.length > 0 ? 1 : 0);
