// Validates the shipped curriculum (chapters and scenarios): prints `file:line:column message`
// for each problem and exits 1 if there is any.
import path from "node:path";
import { certificationFiles } from "@/lib/certification/catalog";
import { chapterFiles } from "@/lib/content/catalog";
import { checkParity } from "@/lib/content/parity";
import { scenarioFiles } from "@/lib/scenario/catalog";
import { scenarioShape } from "@/lib/scenario/validate";

const problems: string[] = [];
const rel = (file: string) => path.relative(process.cwd(), file);

const chapters = chapterFiles();
for (const entry of chapters.values()) {
  if (!entry.result.ok) {
    for (const i of entry.result.issues)
      problems.push(`${rel(entry.file)}:${i.line}:${i.column} ${i.message}`);
    continue;
  }
  if (entry.locale === "zh-CN") continue;
  const source = chapters.get(`${entry.slug}.zh-CN`);
  if (!source) problems.push(`${rel(entry.file)}:1:1 translation without a zh-CN source`);
  else if (source.result.ok) {
    for (const p of checkParity(source.result.chapter, entry.result.chapter))
      problems.push(`${rel(entry.file)}:1:1 ${p}`);
  }
}

const scenarios = scenarioFiles();
for (const entry of scenarios.values()) {
  if ("issues" in entry.result) {
    for (const i of entry.result.issues)
      problems.push(`${rel(entry.file)}:${i.line}:${i.column} ${i.message}`);
    continue;
  }
  if (entry.locale === "zh-CN") continue;
  const source = scenarios.get(`${entry.slug}.zh-CN`);
  if (!source) problems.push(`${rel(entry.file)}:1:1 translation without a zh-CN source`);
  else if (
    "scenario" in source.result &&
    scenarioShape(source.result.scenario) !== scenarioShape(entry.result.scenario)
  ) {
    problems.push(
      `${rel(entry.file)}:1:1 structure (steps, choices, points, targets, rubric ids) differs from the zh-CN source`,
    );
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
    if (!chapters.has(`${slug}.zh-CN`))
      problems.push(`${rel(entry.file)}:1:1 requires chapter "${slug}", which does not exist`);
  }
  for (const { slug } of [...c.scenarios, ...c.renewal.scenarios]) {
    if (!scenarios.has(`${slug}.zh-CN`))
      problems.push(`${rel(entry.file)}:1:1 requires scenario "${slug}", which does not exist`);
  }
}

for (const p of problems) console.error(p);
const valid = (m: Map<string, { result: object }>) =>
  [...m.values()].filter((e) => ("ok" in e.result ? e.result.ok : "scenario" in e.result)).length;
console.log(
  `content:check: ${chapters.size} chapter files (${valid(chapters)} valid), ` +
    `${scenarios.size} scenario files (${valid(scenarios)} valid), ${certifications.length} certification(s), ` +
    `${problems.length} problem(s)`,
);
process.exit(problems.length > 0 ? 1 : 0);
