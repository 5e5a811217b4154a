import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { checkItem, hasIssues, type ItemIssues } from "../../lib/content/check-item";
import type { ContentKind } from "../../lib/content/sources";
import { newItemSource } from "../../lib/content/templates";
import { AppError } from "../../lib/errors";
import { type Db, db as defaultDb } from "../client";
import { auditLog, contentDrafts, contentItems, contentRevisions, users } from "../schema";
import { rowsAffected, writeBatch } from "../write";
import { loadCatalog } from "./content-catalog";
import { refreshItemStatsForAll } from "./report-stats";

type Item = { kind: ContentKind; slug: string };
const itemIs = (
  t: typeof contentDrafts | typeof contentRevisions | typeof contentItems,
  { kind, slug }: Item,
) => and(eq(t.kind, kind), eq(t.slug, slug));
const latestNumber = ({ kind, slug }: Item) =>
  sql`(select max(m.number) from ${contentRevisions} m where m.kind = ${kind} and m.slug = ${slug})`;

/** The draft and every revision of one item (newest first), or null when there is no such item. */
export async function getContentItem({ db = defaultDb, ...item }: Item & { db?: Db }) {
  const [draft] = await db
    .select({ draft: contentDrafts, editor: users.name })
    .from(contentDrafts)
    .leftJoin(users, eq(users.id, contentDrafts.updatedBy))
    .where(itemIs(contentDrafts, item));
  if (!draft) return null;
  const revisions = await db
    .select({
      id: contentRevisions.id,
      number: contentRevisions.number,
      note: contentRevisions.note,
      major: contentRevisions.major,
      rollbackOf: contentRevisions.rollbackOf,
      createdAt: contentRevisions.createdAt,
      author: users.name,
    })
    .from(contentRevisions)
    .leftJoin(users, eq(users.id, contentRevisions.createdBy))
    .where(itemIs(contentRevisions, item))
    .orderBy(desc(contentRevisions.number));
  return { draft: draft.draft, editor: draft.editor, revisions };
}

/** One revision with its text, or null. */
export async function getRevision({ db = defaultDb, ...item }: Item & { number: number; db?: Db }) {
  const [row] = await db
    .select()
    .from(contentRevisions)
    .where(and(itemIs(contentRevisions, item), eq(contentRevisions.number, item.number)));
  return row ?? null;
}

/** A new module (ordered after every existing chapter) or scenario, as a draft from the template. */
export async function createContentItem({
  kind,
  slug,
  actorId,
  db = defaultDb,
}: Item & { actorId: string; db?: Db }) {
  const catalog = await loadCatalog({ db });
  const orders = [...catalog.chapters.values()].map((c) => (c.result.ok ? c.result.chapter.meta.order : 0));
  const source = newItemSource(kind, slug, Math.max(0, ...orders) + 1);
  const [created] = await writeBatch(
    [
      db.run(sql`insert into ${contentItems} (kind, slug, created_by) values (${kind}, ${slug}, ${actorId})
        on conflict do nothing`),
      db.run(sql`insert into ${contentDrafts} (kind, slug, source_zh, updated_by)
        values (${kind}, ${slug}, ${source}, ${actorId}) on conflict do nothing`),
    ],
    db,
  );
  if (rowsAffected(created) === 0) throw new AppError("conflict:content_exists");
}

/** Saves the shared draft if nobody else saved since `version`; returns the new version. */
export async function saveDraft({
  kind,
  slug,
  sourceZh,
  sourceEn,
  version,
  actorId,
  db = defaultDb,
}: Item & { sourceZh: string; sourceEn: string | null; version: number; actorId: string; db?: Db }) {
  const [saved] = await writeBatch(
    [
      db
        .update(contentDrafts)
        .set({ sourceZh, sourceEn, version: version + 1, updatedBy: actorId, updatedAt: new Date() })
        .where(and(itemIs(contentDrafts, { kind, slug }), eq(contentDrafts.version, version))),
    ],
    db,
  );
  if (rowsAffected(saved) === 0) throw new AppError("conflict:draft_version");
  return version + 1;
}

export type PublishOutcome = { ok: true; number: number } | { ok: false; issues: ItemIssues };

async function publish(
  item: Item & {
    actorId: string;
    note: string;
    major: boolean;
    action: "content.publish" | "content.rollback";
  },
  text: { sourceZh: string; sourceEn: string | null },
  guard: ReturnType<typeof sql>,
  extra: { rollbackOf?: number; alongside?: BatchItem<"sqlite">[] },
  db: Db,
): Promise<PublishOutcome> {
  const catalog = await loadCatalog({ db });
  const sources = { "zh-CN": text.sourceZh, ...(text.sourceEn?.trim() ? { en: text.sourceEn } : {}) };
  const issues = checkItem(
    { kind: item.kind, slug: item.slug, version: "draft", sources },
    catalog.scenarios,
  );
  if (hasIssues(issues)) return { ok: false, issues };

  const id = crypto.randomUUID();
  const number = sql`coalesce(${latestNumber(item)}, 0) + 1`;
  const [inserted, , numbered] = await writeBatch(
    [
      db.run(sql`insert into ${contentRevisions}
          (id, kind, slug, number, source_zh, source_en, note, major, rollback_of, created_by, created_at)
        select ${id}, ${item.kind}, ${item.slug}, ${number}, ${text.sourceZh}, ${text.sourceEn?.trim() ? text.sourceEn : null},
          ${item.note}, ${item.major ? 1 : 0}, ${extra.rollbackOf ?? null}, ${item.actorId}, unixepoch()
        where ${guard}`),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, after)
        select ${crypto.randomUUID()}, ${item.actorId}, ${item.action}, 'content', ${`${item.kind}:${item.slug}`},
          json_object('number', number, 'note', note, 'major', json(iif(major, 'true', 'false')),
            'rollbackOf', rollback_of)
        from ${contentRevisions} where id = ${id}`),
      db
        .select({ number: contentRevisions.number })
        .from(contentRevisions)
        .where(eq(contentRevisions.id, id)),
      ...(item.major ? refreshItemStatsForAll({ kind: item.kind, slug: item.slug, db }) : []),
      ...(extra.alongside ?? []),
    ],
    db,
  );
  if (rowsAffected(inserted) === 0) throw new AppError("conflict:draft_version");
  return { ok: true, number: (numbered as { number: number }[])[0]?.number ?? 0 };
}

/**
 * Publishes the draft as it was at `version` (what the trainer saw and checked). It is validated
 * again here; a draft with errors is refused with them. Revision, audit row and, for a major
 * revision, everyone's summaries are one batch.
 */
export async function publishDraft({
  kind,
  slug,
  version,
  note,
  major,
  actorId,
  db = defaultDb,
}: Item & {
  version: number;
  note: string;
  major: boolean;
  actorId: string;
  db?: Db;
}): Promise<PublishOutcome> {
  const [draft] = await db.select().from(contentDrafts).where(itemIs(contentDrafts, { kind, slug }));
  if (!draft) throw new AppError("not_found:content");
  if (draft.version !== version) throw new AppError("conflict:draft_version");
  const guard = sql`exists (select 1 from ${contentDrafts} where kind = ${kind} and slug = ${slug}
    and version = ${version})`;
  return publish({ kind, slug, actorId, note, major, action: "content.publish" }, draft, guard, {}, db);
}

/**
 * Publishes an earlier revision's text as a new revision, and makes it the draft too, so the next
 * edit starts from what learners see.
 */
export async function rollbackToRevision({
  kind,
  slug,
  number,
  note,
  actorId,
  db = defaultDb,
}: Item & { number: number; note: string; actorId: string; db?: Db }): Promise<PublishOutcome> {
  const old = await getRevision({ kind, slug, number, db });
  if (!old) throw new AppError("not_found:revision");
  const latest = await db.get<{ n: number }>(sql`select ${latestNumber({ kind, slug })} as n`);
  if (latest?.n === number) throw new AppError("bad_request:rollback_latest");
  const guard = sql`${latestNumber({ kind, slug })} = ${latest?.n ?? 0}`;
  // The draft follows only if the revision is written: same guard, same batch.
  const draftFollows = db.run(sql`update ${contentDrafts} set source_zh = ${old.sourceZh},
      source_en = ${old.sourceEn}, version = version + 1, updated_by = ${actorId}, updated_at = unixepoch()
    where kind = ${kind} and slug = ${slug} and exists (select 1 from ${contentRevisions}
      where kind = ${kind} and slug = ${slug} and rollback_of = ${number} and number = ${latestNumber({ kind, slug })})`);
  const outcome = await publish(
    { kind, slug, actorId, note, major: false, action: "content.rollback" },
    old,
    guard,
    { rollbackOf: number, alongside: [draftFollows] },
    db,
  );
  return outcome;
}
