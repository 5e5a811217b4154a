import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { revokeCertificate } from "@/db/queries/certificates";
import { getScenarioAttempt } from "@/db/queries/practice";
import { branches, certificates, checkAttempts, scenarioAttempts, users, xapiOutbox } from "@/db/schema";
import { answerScenarioStep } from "@/db/use-cases/answer-scenario-step";
import { recordReadingProgress } from "@/db/use-cases/record-reading-progress";
import { settleCertificates } from "@/db/use-cases/settle-certificates";
import { startScenario } from "@/db/use-cases/start-scenario";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { fileCatalog } from "@/lib/content/catalog";
import { isoDuration } from "@/lib/xapi/site";
import type { Statement } from "@/lib/xapi/types";
import { checkRow, playRow } from "./rows";
import { arrangePassedExam, takeCheck } from "./take-check";
import { setUpTestDb } from "./test-db";
import { bestAnswer, outbox, playThrough, readChapter } from "./use-case-journey";
import { statementProblems } from "./xapi-fixtures";

// Each learning event's use case puts its xAPI statements in the outbox in the batch of the event
// itself: what it stored is there, in order, once; a refused or lost request stores none.

const def = certifications()[0] as Certification;
const T0 = new Date("2026-03-02T02:00:00Z").getTime();
const APP = "http://localhost:3000";
const learner = (id: string) => ({ id, employeeNo: `E-${id}` });

const { db } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values([
    ...["l1", "l2", "l3", "l4", "l5", "l6"].map((id) => ({
      ...learner(id),
      name: `学员${id}`,
      branchId: "b1",
      hireDate: "2026-01-01",
    })),
    {
      id: "a1",
      employeeNo: "E-ADMIN",
      name: "管理员",
      role: "admin" as const,
      branchId: "b1",
      hireDate: "2026-01-01",
    },
  ]);
});

beforeEach(async () => {
  await db.delete(xapiOutbox);
});

const about = (statements: Statement[], employeeNo: string) =>
  statements.filter((s) => s.actor.account.name === employeeNo);
const verbs = (statements: Statement[]) => statements.map((s) => s.verb.id.split("/").at(-1));
const expectValid = (statements: Statement[]) => {
  for (const s of statements) expect(statementProblems(s), s.id).toEqual([]);
};

/** Stores passes of every requirement of the certification except the ones named, as rows. */
async function almostCertified(
  userId: string,
  { chapters = [] as string[], scenarios = [] as string[] } = {},
) {
  const when = new Date(T0 - 86_400_000);
  await arrangePassedExam({ userId, certificationId: def.id, at: when, db });
  for (const slug of def.chapters.filter((c) => !chapters.includes(c)))
    await db.insert(checkAttempts).values(checkRow({ userId, slug, percent: 100, createdAt: when }));
  for (const s of def.scenarios.filter((s) => !scenarios.includes(s.slug)))
    await db
      .insert(scenarioAttempts)
      .values(
        playRow({ userId, slug: s.slug, percent: 100, completedAt: when, stepStartedAt: when.getTime() }),
      );
}

describe("a knowledge check closed (submitCheck)", () => {
  it("records each drawn question's 'answered' and the check's 'failed' in the close batch", async () => {
    const slug = "basic-skills";
    const closed = await takeCheck({ userId: "l6", slug, now: new Date(T0), wrong: 3, db });
    const stored = about(await outbox(db), "E-l6");
    expect(verbs(stored)).toEqual([...Array(8).fill("answered"), "failed"]);
    const [result] = stored.slice(-1);
    expect(result).toMatchObject({
      object: { id: `${APP}/xapi/activities/chapters/${slug}/check` },
      result: { success: false },
      context: { registration: closed.attemptId },
    });
    expect(stored.slice(0, 8).map((st) => st.context?.registration)).toEqual(Array(8).fill(closed.attemptId));
    expectValid(stored);
  });
});

describe("a chapter read to its last section (recordReadingProgress)", () => {
  const slug = "basic-skills";

  it("records 'experienced' in the batch of the last section's progress, once", async () => {
    const user = learner("l1");
    const before = await readChapter(db, user, slug, new Date(T0));
    const stored = await outbox(db);
    expect(verbs(stored)).toEqual(["experienced"]);
    const [read] = stored as [Statement];
    expect(read).toMatchObject({
      actor: { objectType: "Agent", account: { homePage: APP, name: "E-l1" } },
      object: { id: `${APP}/xapi/activities/chapters/${slug}` },
      result: { completion: true },
      context: {
        revision: before.version,
        language: "zh-CN",
        contextActivities: { grouping: [{ id: `${APP}/xapi/activities/certifications/${def.id}` }] },
      },
      timestamp: new Date(T0).toISOString(),
    });
    expect(read.object.definition?.name).toEqual({ "zh-CN": before.title });
    expectValid(stored);

    // Reaching the end again (a retried request, another device) stores nothing twice.
    const last = before.sections - 1;
    await recordReadingProgress({
      user,
      slug,
      locale: "zh-CN",
      sectionIndex: last,
      now: new Date(T0 + 5000),
      db,
    });
    expect(await outbox(db)).toEqual(stored);
  });

  it("records nothing before the last section, for a refused section, or when the batch is refused", async () => {
    const toc = fileCatalog().findChapter(slug, "zh-CN");
    const sections = toc?.result.ok ? toc.result.chapter.toc.length : 0;
    expect(sections).toBeGreaterThan(1);
    await recordReadingProgress({
      user: learner("l2"),
      slug,
      locale: "zh-CN",
      sectionIndex: sections - 2,
      db,
    });
    await expect(
      recordReadingProgress({ user: learner("l2"), slug, locale: "zh-CN", sectionIndex: sections, db }),
    ).rejects.toMatchObject({ code: "bad_request:section" });
    // The progress of someone unknown breaks its foreign key: the whole batch, statement included, is refused.
    await expect(
      recordReadingProgress({
        user: { id: "nobody", employeeNo: "E-nobody" },
        slug,
        locale: "zh-CN",
        sectionIndex: sections - 1,
        db,
      }),
    ).rejects.toThrow();
    expect(await outbox(db)).toEqual([]);
  });
});

describe("role-play steps answered and completed (answerScenarioStep)", () => {
  it("each answer's batch stores that step's 'answered'; the finishing one adds 'completed'", async () => {
    const user = learner("l1");
    const seen: { stepId: string; added: Statement[] }[] = [];
    let count = 0;
    const play = await playThrough(db, user, "complaint", T0, {
      stepMs: 20_000,
      onStep: async (stepId) => {
        const all = await outbox(db);
        seen.push({ stepId, added: all.slice(count) });
        count = all.length;
      },
    });
    const attempt = await getScenarioAttempt({ id: play.attemptId, userId: "l1", db });
    expect(attempt?.status).toBe("completed");
    expect(seen.map((s) => verbs(s.added))).toEqual([
      ...Array.from({ length: play.steps - 1 }, () => ["answered"]),
      ["answered", "completed"],
    ]);
    const stored = await outbox(db);
    expectValid(stored);
    const scenarioIri = `${APP}/xapi/activities/scenarios/complaint`;
    for (const [i, { stepId, added }] of seen.entries()) {
      const turn = attempt?.state.turns[i];
      const [answered] = added as [Statement];
      expect(answered.object.id).toBe(`${scenarioIri}/steps/${stepId}`);
      expect(answered.context).toMatchObject({
        registration: play.attemptId,
        revision: attempt?.contentVersion,
        contextActivities: { parent: [{ id: scenarioIri }] },
      });
      expect(answered.timestamp).toBe(new Date(T0 + (i + 1) * 20_000).toISOString());
      const response =
        turn?.answer.type === "choice"
          ? turn.answer.choiceId
          : turn?.answer.type === "text"
            ? turn.answer.text
            : undefined;
      expect(answered.result?.response).toBe(response);
      expect(response).toBeDefined();
    }
    const completed = stored.at(-1);
    expect(completed).toMatchObject({
      object: { id: scenarioIri, definition: { type: "http://adlnet.gov/expapi/activities/simulation" } },
      result: {
        success: attempt?.passed,
        completion: true,
        score: { raw: attempt?.score, max: attempt?.maxScore },
        duration: isoDuration(play.steps * 20_000),
      },
      context: { registration: play.attemptId },
    });
    const competencies = Object.keys(completed?.result?.extensions ?? {}).filter((k) =>
      k.startsWith(`${APP}/xapi/extensions/competencies/`),
    );
    expect(competencies.length).toBeGreaterThan(0);
  });

  it("a refused answer stores nothing; of two concurrent answers only the stored one is recorded", async () => {
    const user = learner("l2");
    const found = fileCatalog().findScenario("greeting", "zh-CN");
    if (!found) throw new Error("no greeting");
    const s = found.scenario;
    const { attemptId, step } = await startScenario({
      user,
      slug: "greeting",
      locale: "zh-CN",
      extendedTime: false,
      now: T0,
      db,
    });
    const answer = (body: Parameters<typeof answerScenarioStep>[0]["answer"], now = T0 + 1000) =>
      answerScenarioStep({ user, attemptId, answer: body, now, db });
    await expect(answer({ stepId: "not-this-step", choiceId: "x" })).rejects.toMatchObject({
      code: "conflict:step",
    });
    await expect(answer({ stepId: step.id, choiceId: "no-such-choice" })).rejects.toMatchObject({
      code: "bad_request:choice",
    });
    await expect(
      answerScenarioStep({
        user: learner("l3"),
        attemptId,
        answer: bestAnswer(s, step.id),
        now: T0 + 1000,
        db,
      }),
    ).rejects.toMatchObject({ code: "not_found:play" });
    expect(await outbox(db)).toEqual([]);

    const start = s.steps[step.id];
    const [a, b] = (start?.kind === "choice" || start?.kind === "timed" ? start.choices : []).map(
      (c) => c.id,
    );
    if (!a || !b) throw new Error("the greeting starts with a choice");
    const outcomes = await Promise.allSettled([
      answer({ stepId: step.id, choiceId: a }),
      answer({ stepId: step.id, choiceId: b }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const turn = (await getScenarioAttempt({ id: attemptId, userId: "l2", db }))?.state.turns[0];
    const stored = await outbox(db);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.result?.response).toBe(turn?.answer.type === "choice" ? turn.answer.choiceId : "?");
    // The same answer sent again (a retried request) is refused: the step has moved on, nothing more is stored.
    await expect(answer({ stepId: step.id, choiceId: a })).rejects.toMatchObject({ code: "conflict:step" });
    expect(await outbox(db)).toEqual(stored);
  });
});

describe("a certificate earned and revoked", () => {
  it("the role-play that completes the rules records 'earned' in its finishing batch, after 'completed'", async () => {
    await almostCertified("l3", { scenarios: ["complaint"] });
    await playThrough(db, learner("l3"), "complaint", T0);
    const [cert, ...more] = await db.select().from(certificates).where(eq(certificates.userId, "l3"));
    expect(cert).toBeDefined();
    expect(more).toEqual([]);
    const stored = await outbox(db);
    expect(verbs(stored).slice(-2)).toEqual(["completed", "earned"]);
    const earned = stored.at(-1);
    expect(earned).toMatchObject({
      actor: { account: { name: "E-l3" } },
      verb: { id: "http://id.tincanapi.com/verb/earned" },
      object: { id: `${APP}/xapi/activities/certifications/${def.id}` },
      context: {
        registration: cert?.id,
        extensions: {
          [`${APP}/xapi/extensions/certificate`]: {
            code: cert?.code,
            cycle: 1,
            kind: "initial",
            snapshot: cert?.snapshot,
          },
        },
      },
      timestamp: cert?.issuedAt.toISOString(),
    });
    expectValid(stored);

    // Settling again (what every later result does) issues nothing and records nothing.
    await settleCertificates({ userId: "l3", issuing: [], counts: true, at: new Date(T0 + 600_000), db });
    expect(await outbox(db)).toEqual(stored);
  });

  it("two concurrent passes that complete the rules: one certificate, one 'earned'", async () => {
    const [a, b] = def.chapters as [string, string];
    await almostCertified("l4", { chapters: [a, b] });
    const submit = (slug: string) => takeCheck({ userId: "l4", slug, now: new Date(T0), db });
    await Promise.all([submit(a), submit(b)]);
    const held = await db.select().from(certificates).where(eq(certificates.userId, "l4"));
    expect(held).toHaveLength(1);
    const earned = about(await outbox(db), "E-l4").filter((s) => s.verb.id.endsWith("/earned"));
    expect(earned.map((s) => s.context?.registration)).toEqual([held[0]?.id]);
  });

  it("a result stored earlier (settled later, as a trainer's re-score is) records 'earned' with the certificate it issues", async () => {
    await almostCertified("l5");
    await settleCertificates({ userId: "l5", issuing: [], counts: true, at: new Date(T0), db });
    const [cert] = await db.select().from(certificates).where(eq(certificates.userId, "l5"));
    expect(verbs(await outbox(db))).toEqual(["earned"]);
    expect((await outbox(db))[0]?.context?.registration).toBe(cert?.id);

    // Revoked by an admin: "revoked" in the revocation's batch, about the holder, naming the admin by employee number.
    const revoke = (now: Date, id = cert?.id as string) =>
      revokeCertificate({ id, actorId: "a1", reason: "核查发现代考", now, db });
    expect(await revoke(new Date(T0 + 86_400_000))).toBe(true);
    const [, revoked] = await outbox(db);
    expect(revoked).toMatchObject({
      actor: { account: { name: "E-l5" } },
      verb: { id: `${APP}/xapi/verbs/revoked` },
      context: {
        registration: cert?.id,
        extensions: {
          [`${APP}/xapi/extensions/certificate`]: {
            code: cert?.code,
            revokedBy: "E-ADMIN",
            reason: "核查发现代考",
          },
        },
      },
      timestamp: new Date(T0 + 86_400_000).toISOString(),
    });
    expectValid(await outbox(db));
    // Revoking again changes nothing and records nothing; nor does an unknown certificate.
    expect(await revoke(new Date(T0 + 2 * 86_400_000))).toBe(false);
    expect(await revoke(new Date(T0), crypto.randomUUID())).toBe(false);
    expect(await outbox(db)).toHaveLength(2);
    const [row] = await db
      .select()
      .from(certificates)
      .where(and(eq(certificates.id, cert?.id as string), eq(certificates.revokedBy, "a1")));
    expect(row?.revokedAt).toEqual(new Date(T0 + 86_400_000));
  });
});
