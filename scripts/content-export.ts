// Writes the latest published revision of every module and scenario back to content/, so what
// trainers published can be reviewed and committed. Usage: npm run content:export
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db } from "../db/client";
import { contentRevisions } from "../db/schema";
import { contentFile } from "../lib/content/sources";

const latest = await db
  .select()
  .from(contentRevisions)
  .where(
    sql`${contentRevisions.number} = (select max(m.number) from ${contentRevisions} m
      where m.kind = ${contentRevisions.kind} and m.slug = ${contentRevisions.slug})`,
  );
for (const r of latest) {
  for (const [locale, text] of [
    ["zh-CN", r.sourceZh],
    ["en", r.sourceEn],
  ] as const) {
    if (text === null) continue;
    const file = contentFile(r.kind, r.slug, locale);
    writeFileSync(file, text);
    console.log(`${path.relative(process.cwd(), file)} ← ${r.kind} ${r.slug} revision ${r.number}`);
  }
}
console.log(`content:export: ${latest.length} item(s) written; run npm run content:check, then commit.`);
