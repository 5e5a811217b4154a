// Validates the shipped curriculum (chapters and scenarios) with the same checks the editor and
// publish run: prints `file:line:column message` for each problem and exits 1 if there is any.
import path from "node:path";
import { certificationFiles } from "@/lib/certification/catalog";
import { examShares } from "@/lib/certification/definition";
import { fileCatalog, sourcesVersion } from "@/lib/content/catalog";
import { checkItem } from "@/lib/content/check-item";
import { contentFile, fileSources } from "@/lib/content/sources";
import type { Locale } from "@/lib/i18n/locales";

const problems: string[] = [];
const rel = (file: string) => path.relative(process.cwd(), file);

const catalog = fileCatalog();
const items = fileSources(sourcesVersion);
for (const item of items) {
  const issues = checkItem(item, catalog.scenarios);
  for (const [locale, list] of Object.entries(issues)) {
    const file = rel(contentFile(item.kind, item.slug, locale as Locale));
    for (const i of list ?? []) problems.push(`${file}:${i.line}:${i.column} ${i.message}`);
  }
}

const certifications = certificationFiles();
for (const entry of certifications) {
  if ("problems" in entry.result) {
    for (const p of entry.result.problems) problems.push(`${rel(entry.file)}:1:1 ${p}`);
    continue;
  }
  const c = entry.result.certification;
  for (const slug of [...c.chapters, ...c.renewal.chapters]) {
    if (!catalog.chapters.has(`${slug}.zh-CN`))
      problems.push(`${rel(entry.file)}:1:1 requires chapter "${slug}", which does not exist`);
  }
  // Each chapter's pool must hold the exam's share of it (both locales hold the same pool).
  for (const { slug, count } of examShares(c)) {
    const chapter = catalog.chapters.get(`${slug}.zh-CN`)?.result;
    const pool = chapter?.ok ? chapter.chapter.questions.length : count;
    if (pool < count)
      problems.push(
        `${rel(entry.file)}:1:1 the exam draws ${count} questions from "${slug}", whose pool has ${pool}`,
      );
  }
  for (const { slug } of [...c.scenarios, ...c.renewal.scenarios]) {
    if (!catalog.scenarios.has(`${slug}.zh-CN`))
      problems.push(`${rel(entry.file)}:1:1 requires scenario "${slug}", which does not exist`);
  }
}

for (const p of problems) console.error(p);
const count = (kind: string) => items.filter((i) => i.kind === kind).length;
console.log(
  `content:check: ${count("chapter")} chapters and ${count("scenario")} scenarios ` +
    `(${catalog.chapters.size + catalog.scenarios.size} locale files), ` +
    `${certifications.length} certification(s), ${problems.length} problem(s)`,
);
process.exit(problems.length > 0 ? 1 : 0);
