import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { expect, test } from "./fixtures";
import { answerDrawn, drawnGroup } from "./pages/questions";
import { completeScenario, moveReviewQueueBack, openAttemptOf, passChapter, takeChapter } from "./support/arrange";

const def = certifications()[0] as Certification;
const OUT = "/tmp/aw-shots";
const sizes = [
  { w: 1280, h: 900 },
  { w: 390, h: 844 },
];

test("screens", async ({ freshSignIn }) => {
  test.setTimeout(400_000);
  // Check result: failed, after-pass.
  await takeChapter({ employeeNo: "E1014", slug: "basic-skills", at: new Date(), wrong: 3 });
  const p1 = await freshSignIn("E1014");
  for (const s of sizes) {
    await p1.setViewportSize({ width: s.w, height: s.h });
    await p1.goto("/learn/basic-skills");
    const result = p1.getByRole("heading", { name: /检测结果/ });
    await expect(result).toBeVisible({ timeout: 30_000 });
    await p1.getByRole("heading", { name: "知识检测" }).scrollIntoViewIfNeeded();
    await p1.screenshot({ path: `${OUT}/check-result-${s.w}.png`, fullPage: false });
    await result.scrollIntoViewIfNeeded();
    await p1.screenshot({ path: `${OUT}/check-result-b-${s.w}.png`, fullPage: false });
  }
  // Exam page, running.
  const at = new Date(Date.now() - 7 * 86_400_000);
  for (const slug of def.chapters) await passChapter({ employeeNo: "E1015", slug, at });
  for (const s of def.scenarios) await completeScenario({ employeeNo: "E1015", slug: s.slug, at });
  const p2 = await freshSignIn("E1015");
  await p2.goto("/exam/counter-service");
  await p2.getByRole("button", { name: "开始考试" }).click({ timeout: 30_000 });
  await expect(p2.getByRole("timer")).toBeVisible();
  const exam = await openAttemptOf({ employeeNo: "E1015", kind: "exam", subject: def.id });
  await answerDrawn(p2, exam.drawn.slice(0, 3));
  for (const s of sizes) {
    await p2.setViewportSize({ width: s.w, height: s.h });
    await p2.reload();
    await expect(p2.getByRole("timer")).toBeVisible({ timeout: 30_000 });
    await drawnGroup(p2, exam.drawn[3]?.key ?? "").scrollIntoViewIfNeeded();
    await p2.screenshot({ path: `${OUT}/exam-${s.w}.png` });
  }
  // Daily review.
  const missed = await takeChapter({ employeeNo: "E1016", slug: "complaint-handling", at: new Date(), wrong: 3 });
  await moveReviewQueueBack({ employeeNo: "E1016", slug: "complaint-handling", ms: 25 * 3_600_000 });
  const p3 = await freshSignIn("E1016");
  const review = p3.getByRole("region", { name: "每日复习（错题本）" });
  await review.getByRole("button", { name: "开始今天的复习" }).click({ timeout: 30_000 });
  const open = await (await p3.request.get("/api/review")).json();
  const first = open.open.items[0].key as string;
  const slug = first.split("/")[0] as string;
  const { fileCatalog } = await import("@/lib/content/catalog");
  const entry = fileCatalog().findChapter(slug, "zh-CN");
  const q = entry?.result.ok ? entry.result.chapter.questions.find((x) => `${slug}/${x.id}` === first) : undefined;
  if (q) {
    await answerDrawn(p3, [{ key: first, slug, question: q, rightTokens: [] }], { wrong: [first] });
    await drawnGroup(p3, first).getByRole("button", { name: "提交" }).click();
    await expect(drawnGroup(p3, first).getByText("✗ 回答错误")).toBeVisible();
  }
  for (const s of sizes) {
    await p3.setViewportSize({ width: s.w, height: s.h });
    await review.scrollIntoViewIfNeeded();
    await p3.screenshot({ path: `${OUT}/review-${s.w}.png` });
  }
  expect(missed.length).toBe(3);
});
