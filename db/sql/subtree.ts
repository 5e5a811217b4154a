import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { branches } from "../schema";

/** Text with LIKE's wildcards (`%`, `_`) and the escape character escaped, for `like … escape '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL text for the pattern "<root>%" with the root's wildcards escaped, `root` being SQL text itself. */
const patternOf = (root: string) =>
  `replace(replace(replace(${root}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

/**
 * The branch-subtree rule for plain statements (db/queries/report-overview-sql.ts): `path` and
 * `root` are SQL text, e.g. `subtreeSql("b.path", ":root")`. See `subtreeOf`.
 */
export function subtreeSql(path: string, root: string): string {
  return `${path} like ${patternOf(root)} escape '\\'`;
}

/**
 * The branch-subtree rule: `path` (a materialised path such as "/hq/east/"; `branches.path` unless
 * given) is the branch at `root` or any branch below it. A prefix match, written as LIKE with the
 * root's wildcards escaped, so a root containing `%` or `_` matches only paths that start with it.
 * `root` is a path, or SQL that yields one (`sql\`t.path\``, a subquery). Paths are made of
 * lower-case ids, so LIKE ignoring ASCII case changes nothing. `isInSubtree` in lib/auth/scope.ts
 * is the same rule in TypeScript.
 */
export function subtreeOf(root: string | SQLWrapper, path: SQLWrapper = branches.path): SQL {
  if (typeof root === "string") return sql`${path} like ${`${escapeLike(root)}%`} escape '\\'`;
  const [before = "", after = ""] = patternOf("\u0000").split("\u0000");
  return sql`${path} like ${sql.raw(before)}${root}${sql.raw(after)} escape '\\'`;
}
