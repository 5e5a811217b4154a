/** A branch as the import sees it: its code and the names of the chain from the root down to it. */
export interface ImportBranch {
  id: string;
  code: string;
  active: boolean;
  /** Names from the root, e.g. ["总行", "华东分行", "静安支行"]. */
  names: string[];
  namesEn: string[];
}

export type BranchLookup = { branch: ImportBranch } | { problem: "unknown_branch" | "inactive_branch" };

const pathKey = (parts: readonly string[]) => parts.map((p) => p.trim().toLowerCase()).join("/");

/**
 * Resolves a branch cell by code ("EAST-JA") or by full path of names ("总行/华东分行/静安支行",
 * also with "／" or ">" between names, or the English names). Codes are case-insensitive.
 */
export function branchResolver(branches: readonly ImportBranch[]) {
  const byKey = new Map<string, ImportBranch>();
  for (const b of branches) {
    byKey.set(`code:${b.code.toLowerCase()}`, b);
    byKey.set(`path:${pathKey(b.names)}`, b);
    byKey.set(`path:${pathKey(b.namesEn)}`, b);
  }
  return (cell: string): BranchLookup => {
    const value = cell.trim();
    const parts = value
      .split(/\s*[/／>＞\\]\s*/)
      .map((p) => p.trim())
      .filter(Boolean);
    const found =
      byKey.get(`code:${value.toLowerCase()}`) ??
      (parts.length > 0 ? byKey.get(`path:${pathKey(parts)}`) : undefined);
    if (!found) return { problem: "unknown_branch" };
    if (!found.active) return { problem: "inactive_branch" };
    return { branch: found };
  };
}

/** The name chains of every branch, from a flat list with materialised paths ("/hq/east/"). */
export function withNameChains<T extends { id: string; path: string; name: string; nameEn: string }>(
  rows: readonly T[],
): (T & { names: string[]; namesEn: string[] })[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) => {
    const chain = r.path
      .split("/")
      .filter(Boolean)
      .map((id) => byId.get(id));
    return {
      ...r,
      names: chain.map((b) => b?.name ?? "?"),
      namesEn: chain.map((b) => b?.nameEn ?? "?"),
    };
  });
}
