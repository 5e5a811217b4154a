import { describe, expect, it } from "vitest";
import type { QuestionLookup } from "@/lib/assessment/attempt-items";
import { scoreAttempt } from "@/lib/assessment/score";
import { type PlayState, result } from "@/lib/scenario/engine";
import { checkClosedStatements, examClosedStatements } from "@/lib/xapi/assessment";
import { certificateEarnedStatements, certificateRevokedStatements } from "@/lib/xapi/certificate";
import { chapterReadStatements } from "@/lib/xapi/chapter";
import { scenarioAnswerStatements } from "@/lib/xapi/scenario";
import { isoDuration, registrationOf, siteOf, statementId } from "@/lib/xapi/site";
import type { Statement } from "@/lib/xapi/types";
import { chapter, closedCheck, journey, playScenario, scenario, statementProblems } from "./xapi-fixtures";

const problems = (s: Statement) => statementProblems(s);

const site = siteOf("https://training.bank.local");
const learner = { employeeNo: "E1001" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every statement kind must pass Learning Locker's validator and identify the learner by account only. */
function expectValid(statements: Statement[]) {
  expect(statements.length).toBeGreaterThan(0);
  for (const s of statements) {
    expect(problems(s), JSON.stringify(s, null, 1)).toEqual([]);
    expect(s.id).toMatch(UUID);
    expect(s.actor).toEqual({ objectType: "Agent", account: { homePage: site.origin, name: "E1001" } });
    expect(JSON.stringify(s.actor)).not.toMatch(/mbox|@|"name":"[^E]/);
    expect(s.verb.id).toMatch(
      /^http:\/\/(adlnet\.gov\/expapi\/verbs|id\.tincanapi\.com\/verb)\/|^https:\/\/training\.bank\.local\/xapi\/verbs\//,
    );
    expect(s.object.id.startsWith(`${site.origin}/xapi/activities/`)).toBe(true);
  }
}

const basic = chapter("basic-skills");
const at = new Date("2026-03-02T02:00:00.000Z");

describe("xAPI statements", () => {
  it("a chapter read is one 'experienced' statement, the same id each time for one revision", () => {
    const event = {
      learner,
      chapter: {
        slug: "basic-skills",
        title: basic.meta.title,
        locale: "zh-CN" as const,
        revisionId: "rev-1",
      },
      at,
      certificationIds: ["counter-service"],
    };
    const [s] = chapterReadStatements(event, site);
    expectValid([s as Statement]);
    expect(s).toMatchObject({
      verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
      object: {
        id: "https://training.bank.local/xapi/activities/chapters/basic-skills",
        definition: {
          type: "http://adlnet.gov/expapi/activities/module",
          name: { "zh-CN": basic.meta.title },
        },
      },
      context: {
        revision: "rev-1",
        language: "zh-CN",
        contextActivities: {
          grouping: [{ id: `${site.origin}/xapi/activities/certifications/counter-service` }],
        },
      },
      timestamp: "2026-03-02T02:00:00.000Z",
    });
    expect(chapterReadStatements(event, site)[0]?.id).toBe(s?.id);
    expect(
      chapterReadStatements({ ...event, chapter: { ...event.chapter, revisionId: "rev-2" } }, site)[0]?.id,
    ).not.toBe(s?.id);
  });

  it("a closed check: one cmi.interaction per answered question, then passed/failed with score, success and duration", () => {
    const attemptId = "0b3c2f0e-8f1e-4d55-9d7e-3f4b6c1a2e90";
    const { items, lookup, score } = closedCheck(basic, attemptId);
    const statements = checkClosedStatements(
      {
        learner,
        attempt: {
          id: attemptId,
          locale: "zh-CN",
          startedAt: new Date(at.getTime() - 83_520),
          closedAt: at,
          revisionId: "rev-1",
        },
        items,
        score,
        lookup,
        chapter: { slug: "basic-skills", title: basic.meta.title },
        certificationIds: ["counter-service"],
      },
      site,
    );
    expectValid(statements);
    const questions = statements.slice(0, -1);
    const last = statements.at(-1) as Statement;
    expect(questions).toHaveLength(items.length - 1); // the unanswered one has no statement
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);

    const types = new Set<string>();
    for (const [i, s] of questions.entries()) {
      const item = items[i];
      const q = lookup("basic-skills", item?.questionId ?? "");
      if (!item || !q) throw new Error("missing item");
      types.add(q.type);
      const def = s.object.definition;
      expect(s.verb.id).toBe("http://adlnet.gov/expapi/verbs/answered");
      expect(s.object.id).toBe(`${site.origin}/xapi/activities/chapters/basic-skills/questions/${q.id}`);
      expect(def?.type).toBe("http://adlnet.gov/expapi/activities/cmi.interaction");
      const key = item.options
        .map((o) => o.optionId)
        .filter((id) => q.options.find((o) => o.id === id)?.correct);
      expect(def?.correctResponsesPattern).toEqual([key.join("[,]")]);
      if (q.type === "truefalse") {
        expect(def?.interactionType).toBe("true-false");
        expect(def?.choices).toBeUndefined();
        expect(["true", "false"]).toContain(s.result?.response);
      } else {
        expect(def?.interactionType).toBe("choice");
        // The options as the learner saw them: the attempt's order, the option texts.
        expect(def?.choices?.map((c) => c.id)).toEqual(item.options.map((o) => o.optionId));
        expect(def?.choices?.[0]?.description["zh-CN"]).toBe(
          q.options.find((o) => o.id === item.options[0]?.optionId)?.text,
        );
      }
      const scored = score.items.find((x) => x.key === item.key);
      expect(s.result).toMatchObject({ success: scored?.correct, response: scored?.selected.join("[,]") });
      expect(s.result?.score?.scaled).toBeCloseTo(scored?.points ?? -1, 4);
      expect(s.context).toMatchObject({
        registration: attemptId,
        revision: "rev-1",
        contextActivities: {
          parent: [{ id: `${site.origin}/xapi/activities/chapters/basic-skills/check` }],
          grouping: [
            { id: `${site.origin}/xapi/activities/chapters/basic-skills` },
            { id: `${site.origin}/xapi/activities/certifications/counter-service` },
          ],
        },
      });
    }
    expect(types.size).toBeGreaterThan(1);

    expect(last).toMatchObject({
      verb: { id: `http://adlnet.gov/expapi/verbs/${score.passed ? "passed" : "failed"}` },
      object: {
        id: `${site.origin}/xapi/activities/chapters/basic-skills/check`,
        definition: { type: "http://adlnet.gov/expapi/activities/assessment" },
      },
      result: {
        success: score.passed,
        completion: true,
        duration: "PT1M23.52S",
        score: { raw: score.score, min: 0, max: score.maxScore },
      },
      context: {
        registration: attemptId,
        contextActivities: { parent: [{ id: `${site.origin}/xapi/activities/chapters/basic-skills` }] },
      },
    });
    expect(last.result?.score?.scaled).toBeCloseTo(score.score / score.maxScore, 4);
    expect(score.passed).toBe(false); // half wrong: this one records "failed"
  });

  it("a passed check records 'passed'", () => {
    const { items, lookup } = closedCheck(basic, "attempt-2");
    const all = new Map(
      items.map((item): [string, string[]] => [
        item.key,
        (lookup("basic-skills", item.questionId)?.options ?? []).filter((o) => o.correct).map((o) => o.id),
      ]),
    );
    const score = scoreAttempt(items, all, lookup, 80);
    const statements = checkClosedStatements(
      {
        learner,
        attempt: { id: "attempt-2", locale: "en", startedAt: at, closedAt: at },
        items,
        score,
        lookup,
        chapter: { slug: "basic-skills", title: "Basic skills" },
      },
      site,
    );
    expectValid(statements);
    const last = statements.at(-1);
    expect(last?.verb.id).toBe("http://adlnet.gov/expapi/verbs/passed");
    expect(last?.result).toMatchObject({ success: true, score: { scaled: 1 }, duration: "PT0S" });
    expect(last?.object.definition?.name).toEqual({ en: "Knowledge check: Basic skills" });
    // A non-UUID attempt id still gives a UUID registration, the same one every time.
    expect(last?.context?.registration).toMatch(UUID);
    expect(last?.context?.registration).toBe(registrationOf(site, "attempt-2"));
  });

  it("the certification exam: questions from several chapters under the exam, then passed/failed per chapter", () => {
    const other = chapter("complaint-handling");
    const a = closedCheck(basic, "exam-a");
    const b = closedCheck(other, "exam-b");
    const items = [...a.items, ...b.items];
    const lookup: QuestionLookup = (slug, id) => a.lookup(slug, id) ?? b.lookup(slug, id);
    const answers = new Map([...a.score.items, ...b.score.items].map((s) => [s.key, s.selected]));
    const score = scoreAttempt(items, answers, lookup, 80);
    const attemptId = "5d7e1f40-2a7b-4c3e-8e9f-0a1b2c3d4e5f";
    const statements = examClosedStatements(
      {
        learner,
        attempt: {
          id: attemptId,
          locale: "zh-CN",
          startedAt: new Date(at.getTime() - 30 * 60_000),
          closedAt: at,
          closeReason: "deadline",
        },
        items,
        score,
        lookup,
        certification: {
          id: "counter-service",
          name: { "zh-CN": "柜面服务技能认证", en: "Counter service" },
        },
      },
      site,
    );
    expectValid(statements);
    const exam = `${site.origin}/xapi/activities/certifications/counter-service/exam`;
    const cert = `${site.origin}/xapi/activities/certifications/counter-service`;
    const question = statements.find((s) => s.object.id.includes("/complaint-handling/questions/"));
    expect(question?.context?.contextActivities).toEqual({
      parent: [{ objectType: "Activity", id: exam }],
      grouping: [
        { objectType: "Activity", id: cert },
        { objectType: "Activity", id: `${site.origin}/xapi/activities/chapters/complaint-handling` },
      ],
    });
    const last = statements.at(-1);
    expect(last).toMatchObject({
      object: { id: exam, definition: { name: { "zh-CN": "认证考试：柜面服务技能认证" } } },
      result: {
        duration: "PT30M0S",
        extensions: {
          [`${site.origin}/xapi/extensions/close-reason`]: "deadline",
          [`${site.origin}/xapi/extensions/chapters`]: {
            "basic-skills": expect.any(Number),
            "complaint-handling": expect.any(Number),
          },
        },
      },
      context: { registration: attemptId, contextActivities: { parent: [{ id: cert }] } },
    });
    // Exam and check statements of the same question never share an id.
    const check = checkClosedStatements(
      {
        learner,
        attempt: { id: attemptId, locale: "zh-CN", startedAt: at, closedAt: at },
        items,
        score,
        lookup,
        chapter: { slug: "basic-skills", title: "x" },
      },
      site,
    );
    const examIds = new Set(statements.map((s) => s.id));
    expect(check.some((s) => examIds.has(s.id))).toBe(false);
  });

  it("role-play: every step answered (choice, timeout, free text) and the completion with competency extensions", () => {
    const s = scenario("complaint");
    const startedAt = new Date(at.getTime() - 5 * 60_000);
    const states = playScenario(s);
    const all: Statement[] = [];
    for (const [turn, state] of states.entries()) {
      const statements = scenarioAnswerStatements(
        {
          learner,
          attempt: {
            id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            scenarioSlug: "complaint",
            contentVersion: "rev-9",
            locale: "zh-CN",
            startedAt,
          },
          scenario: s,
          state,
          result: state.ended ? result(s, state) : null,
          at: new Date(at.getTime() + turn * 1000),
          certificationIds: ["counter-service"],
        },
        site,
      );
      expect(statements).toHaveLength(state.ended ? 2 : 1);
      all.push(...statements);
    }
    const state = states.at(-1) as PlayState;
    expectValid(all);
    const steps = all.filter((x) => x.verb.id.endsWith("/answered"));
    expect(steps).toHaveLength(state.turns.length);
    for (const [i, st] of steps.entries()) {
      const turn = state.turns[i];
      const step = s.steps[turn?.stepId ?? ""];
      expect(st.object.id).toBe(`${site.origin}/xapi/activities/scenarios/complaint/steps/${turn?.stepId}`);
      expect(st.context?.contextActivities?.parent).toEqual([
        { objectType: "Activity", id: `${site.origin}/xapi/activities/scenarios/complaint` },
      ]);
      expect(st.context?.registration).toBe("7c9e6679-7425-40de-944b-e07fc1f90ae7");
      if (step?.kind === "text") {
        expect(st.object.definition?.interactionType).toBe("long-fill-in");
        expect(st.result?.response).toContain("非常抱歉");
      } else {
        expect(st.object.definition?.interactionType).toBe("choice");
        expect(st.object.definition?.choices?.length).toBeGreaterThanOrEqual(2);
      }
      for (const [competency, points] of Object.entries(turn?.points ?? {}))
        expect(st.result?.extensions?.[`${site.origin}/xapi/extensions/competencies/${competency}`]).toBe(
          points,
        );
    }
    const timeout = steps.find((x) => x.result?.extensions?.[`${site.origin}/xapi/extensions/timed-out`]);
    expect(timeout?.result?.response).toBeUndefined();

    const done = all.at(-1) as Statement;
    const r = result(s, state);
    expect(done).toMatchObject({
      verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
      object: {
        id: `${site.origin}/xapi/activities/scenarios/complaint`,
        definition: { type: "http://adlnet.gov/expapi/activities/simulation", name: { "zh-CN": s.title } },
      },
      result: { success: r.passed, completion: true, score: { raw: r.score, max: r.max } },
      context: {
        revision: "rev-9",
        contextActivities: {
          grouping: [{ id: `${site.origin}/xapi/activities/certifications/counter-service` }],
        },
      },
    });
    expect(done.result?.duration).toMatch(/^PT5M\d+S$/);
    for (const c of r.competencies)
      expect(done.result?.extensions?.[`${site.origin}/xapi/extensions/competencies/${c.id}`]).toEqual({
        raw: c.score,
        max: c.max,
        scaled: expect.any(Number),
      });
    expect(done.result?.extensions?.[`${site.origin}/xapi/extensions/outcome`]).toBe(r.outcome?.id);
  });

  it("a certificate earned and revoked", () => {
    const certificate = {
      id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
      certificationId: "counter-service",
      certificationName: { "zh-CN": "柜面服务技能认证", en: "Counter service skills" },
      cycle: 1,
      kind: "initial" as const,
      code: "K7PQ2XR9M4TW",
      issuedAt: at,
      expiresAt: new Date("2027-03-02T02:00:00.000Z"),
      snapshot: { "scenario:complaint": 86, "exam:counter-service": 90 },
    };
    const earned = certificateEarnedStatements({ learner, certificate }, site);
    const revoked = certificateRevokedStatements(
      {
        learner,
        certificate,
        revokedAt: new Date("2026-04-01T00:00:00.000Z"),
        revokedBy: { employeeNo: "E9001" },
        reason: "核查发现代考",
      },
      site,
    );
    expectValid([...earned, ...revoked]);
    const ext = `${site.origin}/xapi/extensions/certificate`;
    expect(earned[0]).toMatchObject({
      verb: { id: "http://id.tincanapi.com/verb/earned" },
      object: {
        id: `${site.origin}/xapi/activities/certifications/counter-service`,
        definition: {
          type: `${site.origin}/xapi/activity-types/certification`,
          name: certificate.certificationName,
        },
      },
      result: { success: true, completion: true },
      context: {
        registration: certificate.id,
        extensions: { [ext]: { code: "K7PQ2XR9M4TW", cycle: 1, expiresAt: "2027-03-02T02:00:00.000Z" } },
      },
    });
    expect(revoked[0]).toMatchObject({
      verb: { id: `${site.origin}/xapi/verbs/revoked` },
      context: {
        registration: certificate.id,
        extensions: { [ext]: { revokedBy: "E9001", reason: "核查发现代考" } },
      },
      timestamp: "2026-04-01T00:00:00.000Z",
    });
    expect(earned[0]?.id).not.toBe(revoked[0]?.id);
  });

  it("ids are UUID v5 of the event under a namespace of APP_URL; durations are ISO 8601", () => {
    expect(statementId(site, "check/a/result")).toBe(
      statementId(siteOf("https://training.bank.local/"), "check/a/result"),
    );
    expect(statementId(site, "check/a/result")).not.toBe(
      statementId(siteOf("https://other.bank"), "check/a/result"),
    );
    // The RFC 4122 example namespace, to pin the algorithm.
    expect(siteOf("http://www.example.com").namespace).toMatch(UUID);
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(1500)).toBe("PT1.5S");
    expect(isoDuration(3_723_450)).toBe("PT1H2M3.45S");
    expect(isoDuration(-5)).toBe("PT0S");
  });

  it("a whole journey: every statement valid, ids unique and stable; another learner's journey shares none", () => {
    const one = journey(site, "E1001", 1).flat();
    expectValid(one);
    expect(new Set(one.map((x) => x.id)).size).toBe(one.length);
    const again = journey(site, "E1001", 1).flat();
    expect(again.map((x) => x.id)).toEqual(one.map((x) => x.id));
    const other = new Set(
      journey(site, "E1002", 2)
        .flat()
        .map((x) => x.id),
    );
    expect(one.some((x) => other.has(x.id))).toBe(false);
  });

  it("the validator is not a rubber stamp: a broken statement gets warnings", () => {
    const [s] = chapterReadStatements(
      { learner, chapter: { slug: "x", title: "X", locale: "en", revisionId: "r" }, at },
      site,
    );
    const broken = { ...s, context: { registration: "not-a-uuid" }, result: { score: { scaled: 2 } } };
    expect(problems(broken as unknown as Statement).length).toBe(2);
  });
});
