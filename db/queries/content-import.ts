import "server-only";
import { sql } from "drizzle-orm";
import { sourcesVersion } from "../../lib/content/catalog";
import { type ContentSource, fileSources } from "../../lib/content/sources";
import { type Db, db as defaultDb } from "../client";
import { contentDrafts, contentItems, contentRevisions } from "../schema";
import { rowsAffected } from "../write";

export const IMPORT_NOTE = "从 content/ 文件导入 / Imported from content/";
export const UPDATE_NOTE = "从 content/ 文件更新 / Updated from content/";

/**
 * Loads the shipped curriculum into the database. Items it already has are left alone, so trainers'
 * revisions survive every restart. With `update`, an item whose files differ from its latest
 * revision gets the files as a new revision (and its draft, when the draft had no unpublished edits).
 */
export async function importContent({
  db = defaultDb,
  update = false,
  sources = fileSources(sourcesVersion),
}: {
  db?: Db;
  update?: boolean;
  sources?: ContentSource[];
} = {}) {
  let created = 0;
  let updated = 0;
  for (const item of sources) {
    const zh = item.sources["zh-CN"];
    if (zh === undefined) continue;
    const en = item.sources.en ?? null;
    const latest = sql`(select max(m.number) from ${contentRevisions} m where m.kind = ${item.kind} and m.slug = ${item.slug})`;
    const latestRow = sql`r.kind = ${item.kind} and r.slug = ${item.slug} and r.number = ${latest}`;
    const [, first, , changed] = await db.batch([
      db.insert(contentItems).values({ kind: item.kind, slug: item.slug }).onConflictDoNothing(),
      db.run(sql`insert into ${contentRevisions} (id, kind, slug, number, source_zh, source_en, note)
        select ${crypto.randomUUID()}, ${item.kind}, ${item.slug}, 1, ${zh}, ${en}, ${IMPORT_NOTE}
        where ${latest} is null`),
      db
        .insert(contentDrafts)
        .values({ kind: item.kind, slug: item.slug, sourceZh: zh, sourceEn: en })
        .onConflictDoNothing(),
      update
        ? db.run(sql`insert into ${contentRevisions} (id, kind, slug, number, source_zh, source_en, note)
            select ${crypto.randomUUID()}, ${item.kind}, ${item.slug}, r.number + 1, ${zh}, ${en}, ${UPDATE_NOTE}
            from ${contentRevisions} r
            where ${latestRow} and (r.source_zh is not ${zh} or r.source_en is not ${en})`)
        : db.run(sql`select 1`),
    ]);
    created += rowsAffected(first);
    if (rowsAffected(changed) > 0) {
      updated += 1;
      // The draft follows the files only if nobody had changed it since the revision before.
      await db.run(sql`update ${contentDrafts} set source_zh = ${zh}, source_en = ${en}, version = version + 1
        where kind = ${item.kind} and slug = ${item.slug} and exists (select 1 from ${contentRevisions} r
          where r.kind = ${item.kind} and r.slug = ${item.slug} and r.number = ${latest} - 1
          and r.source_zh is content_drafts.source_zh and r.source_en is content_drafts.source_en)`);
    }
  }
  return { created, updated };
}
