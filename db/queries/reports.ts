import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { certifications } from "../../lib/certification/catalog";
import { type BranchCounts, type BranchRef, emptyCounts, rollUp } from "../../lib/reports/overview";
import { bankDate } from "../../lib/training/assignment-status";
import { type Db, db as defaultDb } from "../client";
import { branches } from "../schema";
import { subtreeOf } from "../sql/subtree";
import { type OverviewParams, overviewStatements } from "./report-overview-sql";

const DAY_MS = 86_400_000;

/** The certification the reports follow (柜面服务技能认证) and its renewal window. */
export function reportCertification() {
  const [first] = certifications();
  return { id: first?.id ?? "counter-service", windowDays: first?.renewalWindowDays ?? 60 };
}

export function overviewParams(rootPath: string, now: Date): OverviewParams {
  const cert = reportCertification();
  return {
    rootPath,
    certificationId: cert.id,
    now: now.getTime(),
    today: bankDate(now),
    expiringBefore: now.getTime() + cert.windowDays * DAY_MS,
  };
}

/** The branch with this id when it lies in the scope; null otherwise (a 404 for the caller). */
export async function findBranchInScope({
  id,
  scope,
  db = defaultDb,
}: {
  id: string;
  scope: string;
  db?: Db;
}) {
  const [row] = await db
    .select({ id: branches.id, path: branches.path, name: branches.name, nameEn: branches.nameEn })
    .from(branches)
    .where(and(eq(branches.id, id), subtreeOf(scope)));
  return row ?? null;
}

/**
 * The branches from the top of the scope down to the one at `path` (paths are the ids from the
 * root, "/hq/east/jingan/"), for a breadcrumb; branches above the scope are left out.
 */
export async function listBranchTrail({
  path,
  scope,
  db = defaultDb,
}: {
  path: string;
  scope: string;
  db?: Db;
}) {
  const ids = path.split("/").filter(Boolean);
  if (ids.length === 0) return [];
  return db
    .select({ id: branches.id, path: branches.path, name: branches.name, nameEn: branches.nameEn })
    .from(branches)
    .where(and(inArray(branches.id, ids), subtreeOf(scope)))
    .orderBy(asc(branches.path));
}

/** Adds one stored total (the learners, an item or a competency) to a branch's counts. */
function addTotal(c: BranchCounts, key: string, people: number, passed: number, sum: number) {
  if (key === "learners") c.headcount = people;
  else if (key.startsWith("competency:"))
    c.competency[key.slice("competency:".length)] = { sum, count: people };
  else c.passed[key] = passed;
}

/** Per-branch counts of the subtree at `rootPath`, in one round trip, from the stored branch totals. */
export async function loadBranchCounts({
  rootPath,
  now = new Date(),
  db = defaultDb,
}: {
  rootPath: string;
  now?: Date;
  db?: Db;
}): Promise<{ branches: BranchRef[]; counts: BranchCounts[] }> {
  const params = overviewParams(rootPath, now);
  const [branchRows, totals, overdueItems, certs, certsDue, certsHeld] = await db.$client.batch(
    overviewStatements(params),
    "read",
  );
  const counts = new Map<string, BranchCounts>();
  const of = (id: unknown) => {
    const key = String(id);
    const known = counts.get(key);
    if (known) return known;
    const c = emptyCounts(key);
    counts.set(key, c);
    return c;
  };
  for (const r of totals?.rows ?? [])
    addTotal(of(r[0]), String(r[1]), Number(r[2]), Number(r[3]), Number(r[4]));
  for (const r of overdueItems?.rows ?? []) of(r[0]).overdueAssignments += Number(r[1]);
  // Certification assignments past due, less those whose certificate is held now.
  for (const r of certsDue?.rows ?? []) of(r[0]).overdueAssignments += Number(r[1]);
  for (const r of certsHeld?.rows ?? []) of(r[0]).overdueAssignments -= Number(r[1]);
  for (const r of certs?.rows ?? []) {
    const c = of(r[0]);
    [c.certified, c.expiring, c.expired] = [Number(r[1]), Number(r[2]), Number(r[3])];
  }
  return {
    branches: (branchRows?.rows ?? []).map((r) => ({
      id: String(r[0]),
      path: String(r[1]),
      name: String(r[2]),
      nameEn: String(r[3]),
    })),
    counts: [...counts.values()],
  };
}

/** The overview of a subtree: totals and one row per child branch. */
export async function getOverview({
  rootPath,
  items,
  now = new Date(),
  db = defaultDb,
}: {
  rootPath: string;
  items: { passed: string[]; competencies: string[] };
  now?: Date;
  db?: Db;
}) {
  const { branches: list, counts } = await loadBranchCounts({ rootPath, now, db });
  return rollUp({ rootPath, branches: list, counts, items });
}
