import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { contentRevisions } from "../schema";

/**
 * The major-revision rule: when the item's latest major revision was published (0 if it never had
 * one). A pass counts only when it is later than this; earlier passes mean "study it again"
 * (需重新学习). Times are whole seconds, so a pass in the same second as the publish counts as
 * before it (it was almost certainly answered on the old revision's page). `slug` is the column or
 * SQL naming the item in the surrounding query.
 */
export function majorCutoff(kind: "chapter" | "scenario", slug: SQLWrapper): SQL {
  return sql`coalesce((select max(r.created_at) from ${contentRevisions} r
    where r.kind = ${kind} and r.slug = ${slug} and r.major = 1), 0)`;
}
