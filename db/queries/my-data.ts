import "server-only";
import { and, asc, eq, getTableColumns, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DataSection, Row } from "../../lib/my-data/files";
import { type Db, db as defaultDb } from "../client";
import {
  assignments,
  auditLog,
  branches,
  certificates,
  checkAttempts,
  learnerItemStats,
  notifications,
  readingProgress,
  scenarioAppeals,
  scenarioAttempts,
  scenarioScores,
  users,
} from "../schema";
import { writeBatch } from "../write";

/** Rows read per query: a long history is read page by page while the zip is written. */
export const MY_DATA_PAGE_SIZE = 200;

/** Columns never exported, whatever table they are in: credentials, session and token secrets. */
const SECRET = /password|token|secret|totp|recovery|session_?version/i;

type Page = { userId: string; after: number | null; limit: number; db: Db };
type Source = { columns: readonly string[]; read: (page: Page) => Promise<(Row & { _rowid: number })[]> };

const rowidOf = (table: SQLiteTable) => sql<number>`${table}.rowid`;
const ownRows = (owner: SQLiteColumn, rowid: SQL<number>, { userId, after }: Page) =>
  and(eq(owner, userId), after === null ? undefined : gt(rowid, after));

/**
 * A table of the person's rows (`user_id` = them), every column but the owner, `omit` and any
 * secret, in the order they were written (rowid, so paging never skips or repeats a row).
 */
function owned(table: SQLiteTable, omit: readonly string[] = []): Source {
  const { userId: owner, ...rest } = getTableColumns(table) as Record<string, SQLiteColumn>;
  if (!owner) throw new Error("an exported table needs a userId column");
  const columns = Object.fromEntries(
    Object.entries(rest).filter(
      ([key, c]) => !omit.includes(key) && !SECRET.test(key) && !SECRET.test(c.name),
    ),
  );
  const rowid = rowidOf(table);
  return {
    columns: Object.keys(columns),
    read: async (page) =>
      (await page.db
        .select({ ...columns, _rowid: rowid })
        .from(table)
        .where(ownRows(owner, rowid, page))
        .orderBy(rowid)
        .limit(page.limit)) as (Row & { _rowid: number })[],
  };
}

const PLAY_COLUMNS = {
  id: scenarioAttempts.id,
  scenarioSlug: scenarioAttempts.scenarioSlug,
  contentVersion: scenarioAttempts.contentVersion,
  locale: scenarioAttempts.locale,
  status: scenarioAttempts.status,
  extendedTime: scenarioAttempts.extendedTime,
  score: scenarioAttempts.score,
  maxScore: scenarioAttempts.maxScore,
  percent: scenarioAttempts.percent,
  passed: scenarioAttempts.passed,
  outcome: scenarioAttempts.outcome,
  createdAt: scenarioAttempts.createdAt,
  completedAt: scenarioAttempts.completedAt,
};

/** Role-play plays with their score per competency and the transcript (every turn as stored). */
const plays: Source = {
  columns: [...Object.keys(PLAY_COLUMNS), "competencies", "transcript"],
  read: async (page) => {
    const rowid = rowidOf(scenarioAttempts);
    const rows = await page.db
      .select({ ...PLAY_COLUMNS, state: scenarioAttempts.state, _rowid: rowid })
      .from(scenarioAttempts)
      .where(ownRows(scenarioAttempts.userId, rowid, page))
      .orderBy(rowid)
      .limit(page.limit);
    const scores =
      rows.length === 0
        ? []
        : await page.db
            .select()
            .from(scenarioScores)
            .where(
              inArray(
                scenarioScores.attemptId,
                rows.map((r) => r.id),
              ),
            )
            .orderBy(asc(scenarioScores.competency));
    return rows.map(({ state, ...play }) => ({
      ...play,
      competencies: scores
        .filter((s) => s.attemptId === play.id)
        .map(({ competency, score, maxScore }) => ({ competency, score, maxScore })),
      transcript: state.turns,
    }));
  },
};

/**
 * What a person's data export holds besides the profile, in this order; the key is the JSON key
 * and the CSV's name. A new table of personal data is one line here: `name: owned(table)`.
 */
const SOURCES: Record<string, Source> = {
  checkAttempts: owned(checkAttempts),
  plays,
  itemSummaries: owned(learnerItemStats),
  certificates: owned(certificates, ["revokedBy"]),
  assignments: owned(assignments, ["assignedBy"]),
  readingProgress: owned(readingProgress),
  notifications: owned(notifications, ["dedupeKey", "emailClaimedAt"]),
  reviewAppeals: owned(scenarioAppeals, ["decidedBy"]),
};

async function* pagesOf(source: Source, userId: string, db: Db, limit: number) {
  let after: number | null = null;
  for (;;) {
    const rows = await source.read({ userId, after, limit, db });
    if (rows.length > 0) yield rows.map(({ _rowid, ...row }) => row);
    const last = rows.at(-1);
    if (!last || rows.length < limit) return;
    after = last._rowid;
  }
}

/** The sections of a person's export, each read page by page whenever it is iterated. */
export function personDataSections({
  userId,
  pageSize = MY_DATA_PAGE_SIZE,
  db = defaultDb,
}: {
  userId: string;
  pageSize?: number;
  db?: Db;
}): DataSection[] {
  return Object.entries(SOURCES).map(([name, source]) => ({
    name,
    columns: source.columns,
    pages: () => pagesOf(source, userId, db, pageSize),
  }));
}

/** The person as the export shows them: no password hash, no session version. */
export async function getPersonProfile({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  const [row] = await db
    .select({
      id: users.id,
      employeeNo: users.employeeNo,
      name: users.name,
      email: users.email,
      role: users.role,
      hireDate: users.hireDate,
      active: users.active,
      locale: users.locale,
      createdAt: users.createdAt,
      branchCode: branches.code,
      branchName: branches.name,
      branchNameEn: branches.nameEn,
    })
    .from(users)
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** Every export is audit-logged, before its first byte: who took whose data. */
export async function recordDataExport({
  actorId,
  userId,
  employeeNo,
  db = defaultDb,
}: {
  actorId: string;
  userId: string;
  employeeNo: string;
  db?: Db;
}) {
  await writeBatch(
    [
      db.insert(auditLog).values({
        actorId,
        action: "user.data_export",
        targetType: "user",
        targetId: userId,
        after: { employeeNo, sections: ["profile", ...Object.keys(SOURCES)] },
      }),
    ],
    db,
  );
}
