import { average, share } from "./rates";

/** What the database counts for the active learners of one branch (not its subtree). */
export type BranchCounts = {
  branchId: string;
  headcount: number;
  /** People who passed, by "chapter:<slug>" or "scenario:<slug>". */
  passed: Record<string, number>;
  /** Sum and count of each person's best-attempt percentage, by "<scenario>:<competency>". */
  competency: Record<string, { sum: number; count: number }>;
  certified: number;
  expiring: number;
  expired: number;
  overdueAssignments: number;
};

export type BranchRef = { id: string; path: string; name: string; nameEn: string };

export type Figures = {
  headcount: number;
  /** Percent of the headcount who passed, by "chapter:<slug>" / "scenario:<slug>". */
  passedShare: Record<string, number | null>;
  /** Average best-attempt percentage, by "<scenario>:<competency>". */
  competencyAverage: Record<string, number | null>;
  certified: number;
  expiring: number;
  expired: number;
  certifiedShare: number | null;
  expiringShare: number | null;
  expiredShare: number | null;
  overdueAssignments: number;
};

export type BranchRow = Figures & {
  branch: BranchRef /** The root's own staff, not a child branch. */;
  own: boolean;
};
export type Overview = { root: BranchRef | null; total: Figures; rows: BranchRow[] };

export function emptyCounts(branchId: string): BranchCounts {
  return {
    branchId,
    headcount: 0,
    passed: {},
    competency: {},
    certified: 0,
    expiring: 0,
    expired: 0,
    overdueAssignments: 0,
  };
}

function add(into: BranchCounts, c: BranchCounts) {
  into.headcount += c.headcount;
  into.certified += c.certified;
  into.expiring += c.expiring;
  into.expired += c.expired;
  into.overdueAssignments += c.overdueAssignments;
  for (const [k, n] of Object.entries(c.passed)) into.passed[k] = (into.passed[k] ?? 0) + n;
  for (const [k, v] of Object.entries(c.competency)) {
    const sum = into.competency[k] ?? { sum: 0, count: 0 };
    into.competency[k] = { sum: sum.sum + v.sum, count: sum.count + v.count };
  }
}

/** Rates from counts; every item asked for gets a figure, so a branch without results shows 0%, not a gap. */
export function figures(c: BranchCounts, items: { passed: string[]; competencies: string[] }): Figures {
  return {
    headcount: c.headcount,
    passedShare: Object.fromEntries(items.passed.map((k) => [k, share(c.passed[k] ?? 0, c.headcount)])),
    competencyAverage: Object.fromEntries(
      items.competencies.map((k) => [k, average(c.competency[k]?.sum ?? 0, c.competency[k]?.count ?? 0)]),
    ),
    certified: c.certified,
    expiring: c.expiring,
    expired: c.expired,
    certifiedShare: share(c.certified, c.headcount),
    expiringShare: share(c.expiring, c.headcount),
    expiredShare: share(c.expired, c.headcount),
    overdueAssignments: c.overdueAssignments,
  };
}

/**
 * The root to compare under: the branch at `rootPath`, or for the whole bank ("/") its single
 * top branch when there is only one (the head office), so the comparison shows the 分行.
 */
export function comparisonRoot(rootPath: string, branches: readonly BranchRef[]): BranchRef | null {
  const atRoot = branches.find((b) => b.path === rootPath);
  if (atRoot) return atRoot;
  const tops = branches.filter((b) => b.path.split("/").filter(Boolean).length === 1);
  return tops.length === 1 ? (tops[0] as BranchRef) : null;
}

/**
 * Rolls the per-branch counts of a subtree up to one row per child of its root (plus a row for the
 * root's own staff when it has any) and a total. Every rate is over active learners only.
 */
export function rollUp({
  rootPath,
  branches,
  counts,
  items,
}: {
  rootPath: string;
  branches: readonly BranchRef[];
  counts: readonly BranchCounts[];
  items: { passed: string[]; competencies: string[] };
}): Overview {
  const root = comparisonRoot(rootPath, branches);
  const base = root?.path ?? rootPath;
  const depth = base.split("/").filter(Boolean).length;
  const children = branches.filter(
    (b) => b.path.startsWith(base) && b.path.split("/").filter(Boolean).length === depth + 1,
  );
  const pathOf = new Map(branches.map((b) => [b.id, b.path]));
  const byChild = new Map(children.map((b) => [b.id, emptyCounts(b.id)]));
  const own = emptyCounts(root?.id ?? "");
  const total = emptyCounts(root?.id ?? "");
  for (const c of counts) {
    const path = pathOf.get(c.branchId);
    if (!path?.startsWith(rootPath)) continue;
    add(total, c);
    const child = path.slice(base.length).split("/")[0];
    const into = child ? byChild.get(child) : undefined;
    add(into ?? own, c);
  }
  const rows: BranchRow[] = children.map((b) => ({
    ...figures(byChild.get(b.id) as BranchCounts, items),
    branch: b,
    own: false,
  }));
  if (root && own.headcount > 0) rows.unshift({ ...figures(own, items), branch: root, own: true });
  return { root, total: figures(total, items), rows };
}

export const SORT_KEYS = [
  "name",
  "headcount",
  "certifiedShare",
  "expiringShare",
  "expiredShare",
  "overdueAssignments",
] as const;
export type SortKey = (typeof SORT_KEYS)[number] | `passed:${string}`;

/** Rows sorted by a column; empty figures (no people) always go last. */
export function sortRows(rows: readonly BranchRow[], key: SortKey, dir: "asc" | "desc", locale: string) {
  const value = (r: BranchRow): number | string | null =>
    key === "name"
      ? locale === "en"
        ? r.branch.nameEn
        : r.branch.name
      : key.startsWith("passed:")
        ? (r.passedShare[key.slice("passed:".length)] ?? null)
        : (r[key as Exclude<SortKey, "name" | `passed:${string}`>] ?? null);
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === "string" && typeof y === "string") return sign * x.localeCompare(y, locale);
    return sign * ((x as number) - (y as number));
  });
}
