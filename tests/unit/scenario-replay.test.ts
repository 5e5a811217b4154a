import { describe, expect, it } from "vitest";
import { getScenarioAttempt } from "@/db/queries/practice";
import { branches, users } from "@/db/schema";
import { answerScenarioStep } from "@/db/use-cases/answer-scenario-step";
import { replayScenario } from "@/db/use-cases/replay-scenario";
import { startScenario } from "@/db/use-cases/start-scenario";
import { fileCatalog } from "@/lib/content/catalog";
import { pathMap } from "@/lib/scenario/path-map";
import { replayStart } from "@/lib/scenario/replay";
import type { Scenario } from "@/lib/scenario/schema";
import { setUpTestDb } from "./test-db";
import { bestAnswer, playThrough } from "./use-case-journey";

// A replay from a step of a finished role-play is practice: it stores nothing at all, so it can
// never become a scored attempt, a report figure, a certificate or an xAPI statement.

const T0 = new Date("2026-03-02T02:00:00Z").getTime();
const learner = (id: string) => ({ id, employeeNo: `E-${id}` });

const { db, client } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db
    .insert(users)
    .values(["l1", "l2"].map((id) => ({ ...learner(id), name: id, branchId: "b1", hireDate: "2026-01-01" })));
});

/** Every table's row count, to show that a replay wrote nothing anywhere. */
async function rowCounts() {
  const tables = await client.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await client.execute(`select count(*) as n from "${String(name)}"`);
    counts[String(name)] = Number(r.rows[0]?.n);
  }
  return counts;
}

/** Plays a replay from `from` to its end along the best answers. */
async function replayToEnd(s: Scenario, attemptId: string, from: string) {
  const answers = [];
  let stepId = from;
  for (;;) {
    answers.push(bestAnswer(s, stepId));
    const next = await replayScenario({
      user: learner("l1"),
      attemptId,
      from,
      answers,
      extendedTime: false,
      db,
    });
    if (next.ended) return next;
    stepId = next.step.id;
  }
}

describe("replay from a step", () => {
  it("starts fresh at a visited step with the mood of then, and not at one never reached", () => {
    const s = fileCatalog().findScenario("complaint", "zh-CN")?.scenario as Scenario;
    const played = {
      stepId: "vent",
      mood: 2,
      ended: false,
      turns: [
        {
          stepId: s.start,
          answer: { type: "timeout" as const },
          points: { a: 3 },
          feedback: "",
          moodAfter: 2,
        },
      ],
    };
    expect(replayStart(s, played, s.start)).toEqual({
      stepId: s.start,
      mood: s.steps[s.start]?.mood ?? 3,
      turns: [],
      ended: false,
    });
    expect(replayStart(s, played, "vent")).toBeNull();
    expect(replayStart(s, played, "no-such-step")).toBeNull();
  });

  it("stores nothing: no attempt, score, summary, certificate or statement; the attempt is unchanged", async () => {
    const play = await playThrough(db, learner("l1"), "complaint", T0);
    const before = await rowCounts();
    const attempt = await getScenarioAttempt({ id: play.attemptId, userId: "l1", db });
    const from = attempt?.state.turns[1]?.stepId as string;

    const end = await replayToEnd(play.scenario, play.attemptId, from);
    expect(end.practice).toBe(true);
    expect(end.summary.outcome).toBeTruthy();
    expect(end.summary.turns[0]?.stepId).toBe(from);

    expect(await rowCounts()).toEqual(before);
    expect(await getScenarioAttempt({ id: play.attemptId, userId: "l1", db })).toEqual(attempt);
    // Nor can the finished attempt itself be answered again to score the replay's path.
    await expect(
      answerScenarioStep({
        user: learner("l1"),
        attemptId: play.attemptId,
        answer: bestAnswer(play.scenario, from),
        db,
      }),
    ).rejects.toMatchObject({ code: "conflict:play" });
  });

  it("refuses another learner's attempt, an unfinished one, an unvisited step and answers out of order", async () => {
    const play = await playThrough(db, learner("l1"), "complaint", T0 + 60_000);
    const attempt = await getScenarioAttempt({ id: play.attemptId, userId: "l1", db });
    const [first, second] = attempt?.state.turns ?? [];
    const base = { attemptId: play.attemptId, extendedTime: false, db };
    await expect(
      replayScenario({ ...base, user: learner("l2"), from: first?.stepId as string, answers: [] }),
    ).rejects.toMatchObject({ code: "not_found:play" });
    await expect(
      replayScenario({ ...base, user: learner("l1"), from: "no-such-step", answers: [] }),
    ).rejects.toMatchObject({ code: "bad_request:replay" });
    await expect(
      replayScenario({
        ...base,
        user: learner("l1"),
        from: first?.stepId as string,
        answers: [bestAnswer(play.scenario, second?.stepId as string)],
      }),
    ).rejects.toMatchObject({ code: "bad_request:replay" });

    const active = await startScenario({
      user: learner("l1"),
      slug: "complaint",
      locale: "zh-CN",
      extendedTime: false,
      db,
    });
    await expect(
      replayScenario({
        ...base,
        attemptId: active.attemptId,
        user: learner("l1"),
        from: active.step.id,
        answers: [],
      }),
    ).rejects.toMatchObject({ code: "bad_request:replay" });
  });

  it("maps the path taken: one option taken per step, the others not, ending where the attempt ended", async () => {
    const play = await playThrough(db, learner("l1"), "greeting", T0 + 120_000);
    const attempt = await getScenarioAttempt({ id: play.attemptId, userId: "l1", db });
    const map = pathMap(play.scenario, attempt?.state as NonNullable<typeof attempt>["state"]);
    expect(map.steps.length).toBe(play.steps);
    for (const step of map.steps) expect(step.options.filter((o) => o.taken)).toHaveLength(1);
    expect(map.steps.some((s) => s.options.some((o) => !o.taken))).toBe(true);
    expect(map.end).toBe(attempt?.state.stepId);
    expect(play.scenario.steps[map.end]?.kind).toBe("end");
  });
});
