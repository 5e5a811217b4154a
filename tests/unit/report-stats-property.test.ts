import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb, type Db, openClient } from "@/db/client";
import { planImport, runImport, storeUpload } from "@/db/queries/admin-import";
import { setUserActive, updateUserRoleAndBranch } from "@/db/queries/admin-users";
import { assignOnboarding, assignTraining } from "@/db/queries/assignments";
import { createContentItem, getContentItem, publishDraft } from "@/db/queries/content-authoring";
import { advanceScenarioAttempt, type Completion, createScenarioAttempt } from "@/db/queries/practice";
import { findReportDrift } from "@/db/queries/report-check";
import { saveReview } from "@/db/queries/reviews";
import { branches, scenarioAttempts, users } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { storeCheckAttempt } from "./take-check";
import { setUpTestDb } from "./test-db";

// Random interleavings of every kind of write that changes what the reports summarise, through the
// query modules the request path uses, some at the same time on two connections (as two app
// instances would be); after each run the stored summaries must equal a full recomputation.

const BRANCHES = [
  { id: "hq", code: "HQ", path: "/hq/" },
  { id: "east", code: "EAST", path: "/hq/east/" },
  { id: "ja", code: "JA", path: "/hq/east/ja/" },
  { id: "pd", code: "PD", path: "/hq/east/pd/" },
  { id: "south", code: "SOUTH", path: "/hq/south/" },
];
const CHAPTERS = ["basic-skills", "service-importance"];
const SCENARIOS = ["greeting", "complaint"];
const COMPETENCIES = ["empathy", "clarity", "listening"];

const { db, url } = setUpTestDb(async (db) => {
  await db.insert(branches).values(
    BRANCHES.map((b) => ({
      ...b,
      name: b.code,
      nameEn: b.code,
      parentId: b.path === "/hq/" ? null : b.path.split("/").at(-3),
    })),
  );
  await db.insert(users).values([
    {
      id: "admin",
      employeeNo: "A0001",
      name: "管理员",
      role: "admin",
      branchId: "hq",
      hireDate: "2020-01-01",
    },
    {
      id: "trainer",
      employeeNo: "T0001",
      name: "培训师",
      role: "trainer",
      branchId: "hq",
      hireDate: "2020-01-01",
    },
    ...Array.from({ length: 12 }, (_, i) => ({
      id: `l${i}`,
      employeeNo: `L${String(i).padStart(4, "0")}`,
      name: `学员${i}`,
      branchId: BRANCHES[1 + (i % 4)]?.id as string,
      hireDate: "2026-01-01",
    })),
  ]);
});

/** Half the learners get the onboarding path; a chapter and a scenario get drafts to publish. */
async function arrangeContent() {
  for (let i = 0; i < 12; i += 2)
    await assignOnboarding({ userId: `l${i}`, hireDate: "2026-01-01", createdAt: new Date(), db });
  for (const [kind, slug] of [
    ["chapter", CHAPTERS[0]],
    ["scenario", SCENARIOS[0]],
  ] as const)
    await createContentItem({ kind, slug: slug as string, actorId: "trainer", db });
}

/** A small deterministic pseudo-random sequence. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

type Op = (db: Db) => Promise<unknown>;

function operations(random: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const people = async (db: Db) => (await db.select({ id: users.id }).from(users)).map((u) => u.id);
  const learner = async (db: Db) => pick((await people(db)).filter((id) => id !== "admin"));
  const completion = (): Completion => {
    const competencies = COMPETENCIES.filter(() => random() < 0.8).map((id) => ({
      id,
      score: Math.floor(random() * 11),
      max: random() < 0.1 ? 0 : 10,
    }));
    const score = competencies.reduce((s, c) => s + Math.min(c.score, c.max), 0);
    const maxScore = competencies.reduce((s, c) => s + c.max, 0) || 1;
    const percent = Math.round((score / maxScore) * 100);
    return { score, maxScore, percent, passed: percent >= 70, outcome: null, competencies };
  };
  const state = { stepId: "end", mood: 3, turns: [], ended: true };

  const submit: Op = async (db) => {
    const percent = Math.floor(random() * 101);
    await storeCheckAttempt({
      attempt: {
        id: crypto.randomUUID(),
        userId: await learner(db),
        moduleSlug: pick(CHAPTERS),
        contentVersion: "v",
        locale: "zh-CN",
        answers: {},
        score: percent,
        maxScore: 100,
        percent,
        passed: percent >= 80,
        createdAt: new Date(),
      },
      db,
    });
  };
  const play: Op = async (db) => {
    const userId = await learner(db);
    const scenarioSlug = pick(SCENARIOS);
    const a = await createScenarioAttempt({
      userId,
      scenarioSlug,
      contentVersion: "v",
      locale: "zh-CN",
      state: { ...state, ended: false },
      extendedTime: false,
      now: Date.now(),
      db,
    });
    const finish = random() < 0.85;
    await advanceScenarioAttempt({
      id: a.id,
      userId,
      scenarioSlug,
      version: a.version,
      state: { ...state, ended: finish },
      now: Date.now(),
      completion: finish ? completion() : null,
      db,
    });
  };
  const review: Op = async (db) => {
    const done = await db.select().from(scenarioAttempts).where(eq(scenarioAttempts.status, "completed"));
    if (done.length === 0) return;
    await saveReview({
      attempt: pick(done),
      state,
      completion: completion(),
      reviewerId: "trainer",
      stepId: "end",
      before: {},
      after: {},
      db,
    });
  };
  const move: Op = async (db) => {
    const role: Role = random() < 0.8 ? "learner" : pick(["trainer", "manager"] as const);
    await updateUserRoleAndBranch({
      actorId: "admin",
      userId: await learner(db),
      role,
      branchId: pick(BRANCHES).id,
      db,
    });
  };
  const deactivate: Op = async (db) => {
    await setUserActive({ actorId: "admin", userId: await learner(db), active: random() < 0.5, db });
  };
  const importFile: Op = async (db) => {
    const rows = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const no = `L${String(Math.floor(random() * 16)).padStart(4, "0")}`;
      return `${no},学员${no},${pick(BRANCHES).code},${random() < 0.9 ? "学员" : "培训师"},,2026-01-01,${random() < 0.8 ? "是" : "否"}`;
    });
    const unique = [...new Map(rows.map((r) => [r.split(",")[0], r])).values()];
    const bytes = new TextEncoder().encode(
      ["员工号,姓名,机构,角色,邮箱,入职日期,在职", ...unique].join("\n"),
    );
    const plan = await planImport({ bytes, db });
    const uploadId = await storeUpload({ actorId: "admin", fileName: "hr.csv", bytes, now: new Date(), db });
    await runImport({ uploadId, digest: plan.digest, actorId: "admin", db });
  };
  const publishMajor: Op = async (db) => {
    const [kind, slug] =
      random() < 0.5 ? (["chapter", CHAPTERS[0]] as const) : (["scenario", SCENARIOS[0]] as const);
    const version = (await getContentItem({ kind, slug: slug as string, db }))?.draft.version ?? 0;
    await publishDraft({
      kind,
      slug: slug as string,
      version,
      note: "重大修订",
      major: true,
      actorId: "trainer",
      db,
    });
  };
  const assign: Op = async (db) => {
    const due = `2026-${String(7 + Math.floor(random() * 3)).padStart(2, "0")}-01`;
    const target = random() < 0.5 ? { branchId: pick(BRANCHES).id } : { userId: await learner(db) };
    const [itemType, itemSlug] =
      random() < 0.5 ? ["chapter" as const, CHAPTERS[0]] : ["scenario" as const, SCENARIOS[0]];
    await assignTraining({
      actor: { id: "admin", role: "admin", branchPath: "/hq/" },
      itemType,
      itemSlug: itemSlug as string,
      dueDate: due,
      target,
      now: new Date("2026-06-01T00:00:00Z"),
      db,
    });
  };
  const kinds = { submit, play, review, move, deactivate, importFile, assign, publishMajor };
  // Weighted towards what happens most: answers and role-plays.
  const weights: Record<keyof typeof kinds, number> = {
    submit: 4,
    play: 3,
    review: 2,
    move: 1,
    deactivate: 1,
    importFile: 1,
    assign: 1,
    publishMajor: 1,
  };
  const weighted = Object.entries(weights).flatMap(
    ([name, w]) => Array(w).fill(name) as (keyof typeof kinds)[],
  );
  return () => {
    const name = pick(weighted);
    return { name, op: kinds[name] };
  };
}

const done = new Map<string, number>();

/** Runs one operation; a write that lost its guard or was refused (an AppError) is a legitimate outcome. */
async function attempt({ name, op }: { name: string; op: Op }, db: Db) {
  try {
    await op(db);
    done.set(name, (done.get(name) ?? 0) + 1);
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
}

describe("the reports' summaries under random interleavings of writes", () => {
  it("equal a full recomputation after every run", { timeout: 240_000 }, async () => {
    // The shipped curriculum compiles on first use, which takes a while: here, not before the test.
    await arrangeContent();
    // A second connection to the same file: its batches interleave with the first one's.
    const other = openClient(url);
    const dbs = [db, createDb(other)];
    try {
      for (const seed of [1, 2, 3, 4, 5]) {
        const random = rng(seed);
        const next = operations(random);
        for (let step = 0; step < 25; step++) {
          const group = 1 + Math.floor(random() * 4);
          await Promise.all(Array.from({ length: group }, (_, k) => attempt(next(), dbs[k % 2] as Db)));
        }
        expect(await findReportDrift({ db }), `run ${seed}`).toEqual([]);
      }
      // Every kind of write happened, and the summaries have something in them.
      expect([...done.keys()].sort()).toEqual([
        "assign",
        "deactivate",
        "importFile",
        "move",
        "play",
        "publishMajor",
        "review",
        "submit",
      ]);
      const [{ n }] = (await db.all<{ n: number }>(sql`select count(*) as n from branch_report_stats`)) as [
        { n: number },
      ];
      expect(n).toBeGreaterThan(20);
    } finally {
      other.close();
    }
  });
});
