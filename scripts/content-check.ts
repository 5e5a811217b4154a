// Validates the shipped curriculum (chapters and scenarios) with the same checks the editor and
// publish run, through the same bounded path (limits, then a worker thread with a time budget):
// prints `file:line:column message` for each problem and exits 1 if there is any.
import path from "node:path";
import { certificationFiles } from "@/lib/certification/catalog";
import { examShares } from "@/lib/certification/definition";
import { fileCatalog, sourcesVersion } from "@/lib/content/catalog";
import { checkDraft } from "@/lib/content/check-draft";
import { contentFile, fileSources } from "@/lib/content/sources";
import type { Locale } from "@/lib/i18n/locales";
import { gateRubrics } from "./rubric-eval/gate";

const problems: string[] = [];
const rel = (file: string) => path.relative(process.cwd(), file);

const catalog = fileCatalog();
const items = fileSources(sourcesVersion);
// A command on a busy CI machine, over trusted files: a generous budget, still a bounded one.
const BUDGET_MS = 30_000;
for (const item of items) {
  const { issues } = await checkDraft(item, async () => catalog.scenarios, { budgetMs: BUDGET_MS });
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

// Free-text rubrics are graded against their labelled eval set (content/scenarios/eval/).
const rubrics = gateRubrics();
problems.push(...rubrics.problems);

for (const p of problems) console.error(p);
const count = (kind: string) => items.filter((i) => i.kind === kind).length;
console.log(
  `content:check: ${count("chapter")} chapters and ${count("scenario")} scenarios ` +
    `(${catalog.chapters.size + catalog.scenarios.size} locale files), ` +
    `${certifications.length} certification(s), ${problems.length} problem(s)`,
);
console.log(rubrics.summary);
process.exit(problems.length > 0 ? 1 : 0);
