import { type BranchRef, comparisonRoot } from "./overview";
import { share } from "./rates";

/** What the database counts for one branch's active learners (not its subtree). */
export type ReviewCounts = {
  branchId: string;
  learners: number;
  /** Learners with an active review habit (lib/assessment/review-metrics.ts `hasReviewHabit`). */
  withHabit: number;
  /** Mistakes reviewed at least 7 days on, and how many of those first reviews were right. */
  retentionMistakes: number;
  retentionRight: number;
};

export type ReviewFigures = Omit<ReviewCounts, "branchId"> & {
  habitShare: number | null;
  retentionShare: number | null;
};

export type ReviewRow = ReviewFigures & { branch: BranchRef; own: boolean };

const empty = (branchId: string): ReviewCounts => ({
  branchId,
  learners: 0,
  withHabit: 0,
  retentionMistakes: 0,
  retentionRight: 0,
});

function add(into: ReviewCounts, c: ReviewCounts) {
  into.learners += c.learners;
  into.withHabit += c.withHabit;
  into.retentionMistakes += c.retentionMistakes;
  into.retentionRight += c.retentionRight;
}

function figures({ branchId: _, ...c }: ReviewCounts): ReviewFigures {
  return {
    ...c,
    habitShare: share(c.withHabit, c.learners),
    retentionShare: share(c.retentionRight, c.retentionMistakes),
  };
}

/**
 * The review figures of a subtree rolled up to one row per child of its root (plus the root's own
 * staff when it has learners) and a total, as the overview's branch comparison does.
 */
export function rollUpReviews({
  rootPath,
  branches,
  counts,
}: {
  rootPath: string;
  branches: readonly BranchRef[];
  counts: readonly ReviewCounts[];
}): { root: BranchRef | null; total: ReviewFigures; rows: ReviewRow[] } {
  const root = comparisonRoot(rootPath, branches);
  const base = root?.path ?? rootPath;
  const depth = base.split("/").filter(Boolean).length;
  const children = branches.filter(
    (b) => b.path.startsWith(base) && b.path.split("/").filter(Boolean).length === depth + 1,
  );
  const pathOf = new Map(branches.map((b) => [b.id, b.path]));
  const byChild = new Map(children.map((b) => [b.id, empty(b.id)]));
  const own = empty(root?.id ?? "");
  const total = empty(root?.id ?? "");
  for (const c of counts) {
    const path = pathOf.get(c.branchId);
    if (!path?.startsWith(rootPath)) continue;
    add(total, c);
    const child = path.slice(base.length).split("/")[0];
    add((child ? byChild.get(child) : undefined) ?? own, c);
  }
  const rows: ReviewRow[] = children.map((b) => ({
    ...figures(byChild.get(b.id) ?? empty(b.id)),
    branch: b,
    own: false,
  }));
  if (root && own.learners > 0) rows.unshift({ ...figures(own), branch: root, own: true });
  return { root, total: figures(total), rows };
}
