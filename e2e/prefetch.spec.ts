import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The router's background fetches: prefetches of a route's tree, segments or page (not navigations). */
function prefetches(page: Page) {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) seen.push(r);
  });
  /** One key per distinct fetch: the path without the cache-busting _rsc, and the segment asked for. */
  const keys = () =>
    seen.map((r) => {
      const url = new URL(r.url());
      return `${url.pathname} ${r.headers()["next-router-segment-prefetch"] ?? ""}`.trim();
    });
  return { seen, keys };
}

test("the learner home prefetches nothing in the background, and a link once on intent", async ({
  learnerPage: page,
}) => {
  const { seen, keys } = prefetches(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();
  // Before: 21 prefetches on load (14 distinct), each chapter's tree twice, the second left open ~25 s.
  await page.waitForTimeout(3_000);
  expect(keys()).toEqual([]);

  // Resting the pointer on a link is intent: that link's route is fetched, once, whatever the hovering.
  const chapters = page.getByRole("navigation").getByRole("link", { name: "章节学习" });
  await chapters.hover();
  await expect.poll(() => keys().length).toBeGreaterThan(0);
  await page.mouse.move(0, 0);
  await chapters.hover();
  await page.waitForTimeout(1_000);
  expect(keys().every((k) => k.startsWith("/learn"))).toBe(true);
  expect(new Set(keys()).size).toBe(keys().length);
  expect(seen.length).toBeLessThanOrEqual(3);

  // And the link still navigates.
  await chapters.click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
