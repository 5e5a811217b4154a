import "server-only";
import { sql } from "drizzle-orm";
import type { ContentKind } from "../../lib/content/sources";
import { type Db, db as defaultDb } from "../client";
import { contentDrafts, contentItems, contentRevisions, learnerItemStats, users } from "../schema";

export type AuthorListRow = {
  kind: ContentKind;
  slug: string;
  draftZh: string;
  publishedNumber: number | null;
  publishedAt: Date | null;
  /** The draft differs from what learners see. */
  unpublishedChanges: boolean;
  editor: string | null;
  editedAt: Date | null;
  learners: number;
  passed: number;
};

/** Every module and scenario with its status, last editor, last publish and learners' pass rate. */
export async function listContentItems({ db = defaultDb }: { db?: Db } = {}): Promise<AuthorListRow[]> {
  const rows = await db.all<{
    kind: ContentKind;
    slug: string;
    draft_zh: string;
    number: number | null;
    published_at: number | null;
    differs: number;
    editor: string | null;
    edited_at: number | null;
    learners: number | null;
    passed: number | null;
  }>(sql`select i.kind, i.slug, d.source_zh as draft_zh, r.number, r.created_at as published_at,
      (r.id is null or r.source_zh is not d.source_zh or r.source_en is not d.source_en) as differs,
      u.name as editor, d.updated_at as edited_at, s.learners, s.passed
    from ${contentItems} i
    join ${contentDrafts} d on d.kind = i.kind and d.slug = i.slug
    left join ${users} u on u.id = d.updated_by
    left join ${contentRevisions} r on r.kind = i.kind and r.slug = i.slug and r.number =
      (select max(m.number) from ${contentRevisions} m where m.kind = i.kind and m.slug = i.slug)
    left join (select st.item_type, st.item_slug, count(*) as learners, sum(st.passed) as passed
        from ${learnerItemStats} st join ${users} lu on lu.id = st.user_id and lu.active = 1
        where st.item_type in ('chapter', 'scenario') group by st.item_type, st.item_slug) s
      on s.item_type = i.kind and s.item_slug = i.slug
    order by i.kind, i.created_at, i.slug`);
  return rows.map((r) => ({
    kind: r.kind,
    slug: r.slug,
    draftZh: r.draft_zh,
    publishedNumber: r.number,
    publishedAt: r.published_at === null ? null : new Date(r.published_at * 1000),
    unpublishedChanges: r.differs === 1,
    editor: r.editor,
    editedAt: r.edited_at === null ? null : new Date(r.edited_at * 1000),
    learners: r.learners ?? 0,
    passed: r.passed ?? 0,
  }));
}
