import type { Page } from "@playwright/test";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { fileCatalog } from "@/lib/content/catalog";
import type { Scenario } from "@/lib/scenario/schema";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { ContentEditor } from "./pages/editor";
import { type Move, ScenarioPlayer, ScenarioResult } from "./pages/player";
import { ReviewQueue } from "./pages/reviews";
import {
  arrangePassedExam,
  auditEntries,
  certificatesOf,
  completeScenario,
  passChapter,
  playScenario,
} from "./support/arrange";

/** Issue 14's paraphrase: no word of the old accept lists, and a trainer would credit all three elements. */
const PARAPHRASE =
  "张先生，真是对不住，这么一笔钱被扣了两次，换了谁都得上火。我这就给您把两笔交易调出来查清楚。";
/** Issue 14's negation: 抱歉 and 理解您 are there, and both are denied. */
const NEGATED = "我不觉得抱歉，也不理解您为什么生气。";

const complaint = (() => {
  const found = fileCatalog().findScenario("complaint", "zh-CN");
  if (!found) throw new Error("the complaint is invalid");
  return found.scenario;
})();

/** The complaint with `apology` as the answer to the apology step, the best choices elsewhere. */
async function playComplaint(page: Page, s: Scenario, apology: string, after: Move[]) {
  await page.goto("/practice/complaint");
  const player = new ScenarioPlayer(page);
  await player.start();
  // The first role-play a fresh server starts loads jieba's dictionary (the scenario is validated,
  // its rubric segmented): seconds on a quiet machine, more than expect's 10 s on a loaded one.
  test.slow();
  await expect(page.getByText(s.steps.arrive?.customer ?? "?", { exact: true })).toBeVisible({
    timeout: 45_000,
  });
  await player.play(s, [
    { step: "arrive", choice: "a" },
    { step: "vent", choice: "a" },
    { step: "apologise", text: apology },
    ...after,
    { step: "explain-steps" },
    { step: "push-today", choice: "a" },
    { step: "prevent", choice: "a" },
    { step: "callback", choice: "a" },
  ]);
  await expect(page).toHaveURL(/\/practice\/complaint\/result\//);
  return new ScenarioResult(page);
}

test("a learner's natural paraphrase earns the elements it meets, on the words that say them", async ({
  freshSignIn,
}) => {
  const page = await freshSignIn("E1019");
  // 7 points reach the branch for a good apology: the customer lets the teller check the record.
  const result = await playComplaint(page, complaint, PARAPHRASE, [{ step: "check-record", choice: "a" }]);
  await expect(result.total(100)).toBeVisible();
  const turn = result.turn(complaint.steps.apologise?.customer ?? "?");
  await expect(turn.getByText(/^✓ 道歉（同理心 \+3）：答到了“对不住”/)).toBeVisible();
  await expect(turn.getByText(/^✓ 认可客户的感受（同理心 \+2）：答到了“换了谁”/)).toBeVisible(); // 了 is a particle
  await expect(turn.getByText(/^✓ .+（责任担当 \+2）：答到了/)).toBeVisible();
  await expect(turn.getByText("本步得分：同理心 +5 · 责任担当 +2")).toBeVisible();
  await expect(turn.locator("mark").filter({ hasText: "对不住" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("a negated answer earns nothing: the grade names the word that cancelled each element", async ({
  freshSignIn,
}) => {
  const page = await freshSignIn("E1019");
  // 0 points: the customer stays angry.
  const result = await playComplaint(page, complaint, NEGATED, [{ step: "still-angry", choice: "a" }]);
  const turn = result.turn(complaint.steps.apologise?.customer ?? "?");
  await expect(turn.getByText("✗ 道歉（同理心 0/3）：说到了“抱歉”，但被“不”否定，不计分")).toBeVisible();
  await expect(
    turn.getByText("✗ 认可客户的感受（同理心 0/2）：说到了“理解您”，但被“不”否定，不计分"),
  ).toBeVisible();
  await expect(turn.getByText(/^✓/)).toHaveCount(0);
  await expect(turn.locator("mark").filter({ hasText: /^不$/ })).toHaveCount(2);
});

test("试一试 grades a sample answer on the server and explains it, in both languages, from the keyboard", async ({
  trainerPage: page,
}) => {
  const editor = new ContentEditor(page);
  await page.goto("/author/scenario/complaint");
  const box = editor.tryAnswer("apologise");
  await expect(box.step).toBeVisible();
  await expectNoSeriousViolations(page);

  await box.grade(PARAPHRASE);
  await expect(box.result.getByText("这个回答得 7 分：")).toBeVisible();
  await expect(box.result.getByText(/^✓ 道歉（同理心 \+3）：答到了“对不住”/)).toBeVisible();
  await expect(box.result.getByText("按这个得分，演练会走到「check-record」。")).toBeVisible();

  // Keyboard only: type into the box and grade with Ctrl+Enter.
  await box.field.fill("");
  await box.field.focus();
  await page.keyboard.type(NEGATED);
  await page.keyboard.press("Control+Enter");
  await expect(box.result.getByText("这个回答得 0 分：")).toBeVisible();
  await expect(
    box.result.getByText("✗ 道歉（同理心 0/3）：说到了“抱歉”，但被“不”否定，不计分"),
  ).toBeVisible();

  // Restraint is not an over-promise: the forbidden wording is excused, named with its negator.
  const explain = editor.tryAnswer("explain-steps");
  await explain.grade("我不能保证今天到账，核查结果24小时内出来，我明天上午给您打电话。");
  await expect(explain.result.getByText(/^○ .+被“不能”否定，不算这种说法，不扣分$/)).toBeVisible();
  await explain.grade("这是系统的问题，跟我没关系，我保证今天就退给您。");
  await expect(explain.result.getByText(/^⚠ /).first()).toBeVisible();

  // The English version is graded by the English rubric, with English words.
  await page.getByRole("button", { name: "English", exact: true }).click();
  const en = editor.tryAnswer("apologise");
  await en.grade("I'm not sorry and I don't understand why you're upset.");
  await expect(en.result.getByText("这个回答得 0 分：")).toBeVisible();
  await expect(
    en.result.getByText(/^✗ Apology（.+ 0\/3）：说到了“sorry”，但被“not”否定，不计分$/),
  ).toBeVisible();
  await en.grade("I'm so sorry about this, I can see why you're upset. Let me look into both charges now.");
  await expect(en.result.getByText(/^✓ Apology（.+ \+3）：答到了“sorry”/)).toBeVisible();

  // In the English interface (this context only: the account's language is left alone) it explains in English.
  const { hostname } = new URL(page.url());
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", domain: hostname, path: "/" }]);
  await page.reload();
  const inEnglish = editor.tryAnswer("apologise");
  await inEnglish.grade(PARAPHRASE);
  await expect(inEnglish.result.getByText("This answer earns 7 points:")).toBeVisible();
  await expect(inEnglish.result.getByText(/^✓ 道歉 \(同理心 \+3\): said “对不住”/)).toBeVisible();
  await expect(
    inEnglish.result.getByText("With these points the role-play goes on to “check-record”."),
  ).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("试一试 refuses what it cannot grade: a step that is not free text, an empty answer, a broken draft", async ({
  trainerRequest,
  learnerRequest,
}) => {
  const source = (await import("node:fs")).readFileSync("content/scenarios/complaint.zh-CN.yaml", "utf8");
  const body = { slug: "complaint", locale: "zh-CN", source, stepId: "apologise", answer: PARAPHRASE };
  const post = (api: typeof trainerRequest, data: unknown) => api.post("/api/author/try-answer", { data });

  const ok = await post(trainerRequest, body);
  expect(ok.status()).toBe(200);
  const graded = await ok.json();
  expect(graded.grade.total).toBe(7);
  expect(graded.grade.matched.map((m: { id: string }) => m.id).sort()).toEqual([
    "acknowledge",
    "apology",
    "take-on",
  ]);

  const refused = async (data: unknown, status: number, code: string) => {
    const response = await post(trainerRequest, data);
    expect(response.status(), code).toBe(status);
    expect((await response.json()).code).toBe(code);
  };
  await refused({ ...body, stepId: "arrive" }, 404, "not_found:step");
  await refused({ ...body, answer: "   " }, 400, "bad_request:try_answer");
  await refused({ ...body, answer: "x".repeat(2001) }, 400, "bad_request:try_answer");
  await refused({ ...body, source: "slug: complaint\nsteps: [" }, 422, "unprocessable:draft");
  expect((await post(learnerRequest, body)).status()).toBe(403);
});

/**
 * Soothing without apologising: the grader credits taking it on (责任担当 2) and nothing else. With
 * the best choices elsewhere that is 82%, a pass; at the step's minimum (责任担当 −6) it is 64%.
 */
const SOOTHING = "您别急，我马上帮您查这两笔扣款。";
const COMMENT = "“您别急”是在安抚客户的情绪，应该算认可了客户的感受。";
const REASON = "“您别急”安抚了客户，算认可感受，同理心给 2 分；但没有道歉，道歉的 3 分不给。";

test("a learner contests a grade; the trainer sees it first, decides within the rubric with a reason, and the certificate waiting on it is issued", async ({
  freshSignIn,
  trainerPage,
}) => {
  // E1021 has no seeded role-play of the complaint: everything but the complaint and the last
  // chapter done last week, then the complaint played today with the soothing answer.
  const learner = "E1021";
  const def = certifications()[0] as Certification;
  const [last, ...earlier] = [...def.chapters].reverse() as [string, ...string[]];
  const lastWeek = new Date(Date.now() - 7 * 86_400_000);
  await arrangePassedExam({ employeeNo: learner, certificationId: def.id, at: lastWeek });
  for (const slug of earlier) await passChapter({ employeeNo: learner, slug, at: lastWeek });
  for (const { slug } of def.scenarios.filter((s) => s.slug !== "complaint"))
    await completeScenario({ employeeNo: learner, slug, at: lastWeek });
  const { attemptId, percent } = await playScenario({
    employeeNo: learner,
    slug: "complaint",
    at: new Date(Date.now() - 3_600_000),
    texts: { apologise: SOOTHING },
  });
  expect(percent).toBe(82);
  const customer = complaint.steps.apologise?.customer ?? "?";

  // The learner reads why the answer earned what it did, and contests it.
  const page = await freshSignIn(learner);
  await page.goto(`/practice/complaint/result/${attemptId}`);
  const result = new ScenarioResult(page);
  const turn = result.turn(customer);
  await expect(turn.getByText("✗ 道歉（同理心 0/3）：没有说到")).toBeVisible();
  await result.contest(customer, COMMENT);
  await expect(turn.getByText(`已申请人工复核`, { exact: false })).toBeVisible();
  await expect(turn.getByText(`“${COMMENT}”`, { exact: false })).toBeVisible();
  // Once per answer: the form is gone.
  await expect(turn.getByText("对这条评分有异议？申请人工复核")).toHaveCount(0);
  // The pass depends on the contested grade, so it waits.
  await expect(result.summary.getByText("按系统评分已通过（通过线 80%），待复核确定")).toBeVisible();
  await expect(result.summary.getByText(/通过待定：.+本次成绩为 64%，低于通过线 80%/)).toBeVisible();
  await expectNoSeriousViolations(page);

  // The last chapter completes everything else; the certificate waits on the appeal.
  await passChapter({ employeeNo: learner, slug: last, at: new Date() });
  expect(await certificatesOf(learner)).toHaveLength(0);
  await page.reload();
  await expect(
    result.summary.getByText(`证书待定：“${def.name["zh-CN"]}”的其他要求都已完成`, { exact: false }),
  ).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("region", { name: /进度$/ }).getByText(/^证书待定：/)).toBeVisible();
  await expect(page.getByText("复核中").first()).toBeVisible();
  await expectNoSeriousViolations(page);

  // The trainer sees the contested answer first, marked, with the learner's comment and the grade's explanation.
  const queue = new ReviewQueue(trainerPage);
  await queue.open();
  const first = queue.items.first();
  await expect(first).toContainText(SOOTHING);
  await expect(first.getByText("学员申诉", { exact: true })).toBeVisible();
  await expect(first.getByText(`“${COMMENT}”`)).toBeVisible();
  await expect(first.getByText("✗ 道歉（同理心 0/3）：没有说到")).toBeVisible();
  await expect(first.getByText("允许 0 至 5")).toBeVisible();
  await expect(first.getByText("允许 -6 至 2")).toBeVisible();
  await expectNoSeriousViolations(trainerPage);

  // Points outside the rubric are refused by the server (past the browser's own range check).
  await first.locator("form").evaluate((form: HTMLFormElement) => {
    form.noValidate = true;
  });
  await queue.decide(SOOTHING, { 同理心: 17, 责任担当: 2 }, REASON);
  await expect(first.getByText(/给分超出了本步骤评分标准的范围/)).toBeVisible();
  expect(await auditEntries({ action: "scenario.appeal_decide" })).toHaveLength(0);
  expect(await certificatesOf(learner)).toHaveLength(0);

  await trainerPage.reload();
  await queue.decide(SOOTHING, { 同理心: 2, 责任担当: 2 }, REASON);
  await expect(queue.item(SOOTHING)).toHaveCount(0); // decided appeals leave the queue

  // The audit log keeps who decided, when, the points before and after, and the reason.
  const [decision, ...others] = await auditEntries({
    action: "scenario.appeal_decide",
    target: `${attemptId}#apologise`,
  });
  expect(others).toHaveLength(0);
  expect(decision?.actorEmployeeNo).toBe("E2001");
  expect(decision?.createdAt).toBeInstanceOf(Date);
  expect(decision?.before).toMatchObject({
    points: { ownership: 2 },
    appeal: "contested",
    learnerComment: COMMENT,
  });
  expect(decision?.after).toMatchObject({
    points: { empathy: 2, ownership: 2 },
    comment: REASON,
    appeal: "decided",
    outcome: "changed",
  });

  // The learner sees the decision and its reason, and the certificate the decision issued.
  await page.goto(`/practice/complaint/result/${attemptId}`);
  await expect(
    turn.getByText(/^培训师已复核（陈静怡，.+）：评分由 责任担当 2 调整为 同理心 2 · 责任担当 2。$/),
  ).toBeVisible();
  await expect(turn.getByText(`理由：“${REASON}”`)).toBeVisible();
  await expect(result.summary.getByText(/通过待定/)).toHaveCount(0);
  await expect(result.summary.getByText("已通过（通过线 80%）", { exact: true })).toBeVisible();
  const panel = page.getByRole("region", { name: "已获得证书" });
  await expect(panel.getByText(`复核决定后，您的“${def.name["zh-CN"]}”证书已颁发。`)).toBeVisible();
  await expect(panel.getByRole("link", { name: "查看我的全部证书" })).toHaveAttribute(
    "href",
    "/me/certificates",
  );
  await expectNoSeriousViolations(page);
  const held = await certificatesOf(learner);
  expect(held).toHaveLength(1);
  await expect(panel.getByRole("link", { name: "下载证书（PDF）" })).toHaveAttribute(
    "href",
    `/certificates/${held[0]?.id}/pdf`,
  );
  await page.goto("/");
  await expect(
    page.getByRole("region", { name: "我的证书" }).getByText("有效", { exact: true }),
  ).toBeVisible();
});
