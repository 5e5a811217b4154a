import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  certificateEarnedInserts,
  certificateRevokedInserts,
  certificationsRequiring,
  chapterReadInserts,
  checkClosedInserts,
  scenarioAnsweredInserts,
} from "@/db/queries/xapi-events";
import { branches, certificates, users, xapiOutbox } from "@/db/schema";
import { writeBatch } from "@/db/write";
import { result } from "@/lib/scenario/engine";
import type { Statement } from "@/lib/xapi/types";
import { setUpTestDb } from "./test-db";
import { chapter, closedCheck, playScenario, scenario, statementProblems } from "./xapi-fixtures";

const validate = statementProblems;
const { db } = setUpTestDb();
const at = new Date("2026-03-02T02:00:00.000Z");
const learner = { employeeNo: "E5001" };
const certificateId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values([
    { id: "u1", employeeNo: "E5001", name: "学员", branchId: "b1", hireDate: "2026-01-01" },
    { id: "a1", employeeNo: "E9001", name: "管理员", branchId: "b1", hireDate: "2026-01-01", role: "admin" },
  ]);
});
beforeEach(async () => {
  await db.delete(xapiOutbox);
});

const queued = async () =>
  (await db.select({ statement: xapiOutbox.statement }).from(xapiOutbox).orderBy(xapiOutbox.seq)).map(
    (r) => r.statement as Statement,
  );

async function run(items: Awaited<ReturnType<typeof certificateRevokedInserts>>) {
  const [first, ...rest] = items;
  if (first) await writeBatch([first, ...rest], db);
}

describe("xAPI event inserts (one per event, appended to its batch)", () => {
  it("knows which certifications a chapter or scenario counts for", () => {
    expect(certificationsRequiring("chapter", "basic-skills")).toEqual(["counter-service"]);
    expect(certificationsRequiring("scenario", "complaint")).toEqual(["counter-service"]);
    expect(certificationsRequiring("chapter", "no-such-chapter")).toEqual([]);
  });

  it("a chapter read, a closed check and a role-play answer store valid statements once, grouped under the certification", async () => {
    const basic = chapter("basic-skills");
    const check = closedCheck(basic, "a1");
    const complaint = scenario("complaint");
    const [state] = playScenario(complaint);
    if (!state) throw new Error("no turn");
    const events = () => [
      ...chapterReadInserts({
        learner,
        chapter: { slug: "basic-skills", title: basic.meta.title, locale: "zh-CN", revisionId: "r1" },
        at,
        db,
      }),
      ...checkClosedInserts({
        learner,
        attempt: {
          id: "attempt-1",
          subject: "basic-skills",
          locale: "zh-CN",
          startedAt: at,
          items: check.items,
          revisions: { "basic-skills": "r1" },
        },
        closing: { closedAt: at, reason: "submitted", scored: check.score },
        lookup: check.lookup,
        chapterTitle: basic.meta.title,
        db,
      }),
      ...scenarioAnsweredInserts({
        learner,
        attempt: {
          id: "play-1",
          scenarioSlug: "complaint",
          contentVersion: "r2",
          locale: "zh-CN",
          startedAt: at,
        },
        scenario: complaint,
        state,
        result: state.ended ? result(complaint, state) : null,
        at,
        db,
      }),
    ];
    await run(events());
    await run(events()); // the same events again (a retried request)
    const stored = await queued();
    expect(stored).toHaveLength(1 + check.score.items.filter((i) => i.selected.length).length + 1 + 1);
    for (const s of stored) {
      expect(validate(s)).toEqual([]);
      expect(s.actor.account.name).toBe("E5001");
    }
    const grouping = (s: Statement | undefined) => s?.context?.contextActivities?.grouping?.map((a) => a.id);
    const cert = "http://localhost:3000/xapi/activities/certifications/counter-service";
    expect(grouping(stored[0])).toEqual([cert]);
    expect(grouping(stored.at(-2))).toEqual([cert]);
    expect(grouping(stored.at(-1))).toEqual([cert]);
    // The check's statements carry the revision its questions came from.
    expect(stored[1]?.context?.revision).toBe("r1");
  });

  it("an earned certificate is recorded only when its certificate row was written", async () => {
    const facts = {
      id: certificateId,
      certificationId: "counter-service",
      cycle: 1,
      kind: "initial" as const,
      code: "K7PQ2XR9M4TW",
      issuedAt: at,
      expiresAt: new Date("2027-03-02T02:00:00.000Z"),
      snapshot: { "exam:counter-service": 90 },
    };
    // A lost race: the guarded certificate insert wrote nothing, so neither does the statement.
    await run(certificateEarnedInserts({ learner, certificate: facts, db }));
    expect(await queued()).toEqual([]);
    await run([
      db.insert(certificates).values({ ...facts, userId: "u1" }),
      ...certificateEarnedInserts({ learner, certificate: facts, db }),
    ]);
    const [earned] = await queued();
    expect(earned?.verb.id).toBe("http://id.tincanapi.com/verb/earned");
    expect(earned?.object.definition?.name).toEqual({
      "zh-CN": "柜面服务技能认证",
      en: "Counter Service Skills Certificate",
    });
    expect(validate(earned)).toEqual([]);
  });

  it("a revocation is recorded once, with the holder as actor, only by the revocation that applied", async () => {
    const revoke = async (when: Date) =>
      run([
        db
          .update(certificates)
          .set({ revokedAt: when, revokedBy: "a1", revokeReason: "核查发现代考" })
          .where(sql`id = ${certificateId} and revoked_at is null`),
        ...(await certificateRevokedInserts({
          id: certificateId,
          revokedAt: when,
          revokedById: "a1",
          reason: "核查发现代考",
          db,
        })),
      ]);
    await revoke(new Date("2026-04-01T00:00:00.000Z"));
    await revoke(new Date("2026-04-02T00:00:00.000Z")); // already revoked: changes nothing, records nothing
    const stored = await queued();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      actor: { account: { name: "E5001" } },
      verb: { id: "http://localhost:3000/xapi/verbs/revoked" },
      timestamp: "2026-04-01T00:00:00.000Z",
      context: { registration: certificateId },
    });
    // The admin by employee number only, read with the certificate.
    expect(Object.values(stored[0]?.context?.extensions ?? {})[0]).toMatchObject({
      revokedBy: "E9001",
      reason: "核查发现代考",
    });
    expect(validate(stored[0])).toEqual([]);
    const [row] = await db.select().from(certificates).where(eq(certificates.id, certificateId));
    expect(row?.revokedAt).toEqual(new Date("2026-04-01T00:00:00.000Z"));
    expect(
      await certificateRevokedInserts({
        id: "nope",
        revokedAt: at,
        revokedById: "a1",
        reason: "x",
        db,
      }),
    ).toEqual([]);
  });
});
