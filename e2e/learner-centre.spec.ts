import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { notifyMany } from "./support/arrange";

const fitsPhone = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.body.scrollWidth <= document.body.clientWidth);

test("the notification centre pages through every notification and marks them read, the bell counting", async ({
  learnerPage: page,
}) => {
  expect(await notifyMany("E1001", 25)).toBe(25);
  await page.goto("/");
  const bell = page.getByRole("banner").getByRole("link", { name: /^通知中心/ });
  const unreadOf = async () =>
    Number(/(\d+) 条未读/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
  await expect(bell).toHaveAttribute("aria-label", /通知中心，\d+ 条未读/);
  const before = await unreadOf();
  expect(before).toBeGreaterThanOrEqual(25);

  await page
    .getByRole("region", { name: "通知" })
    .getByRole("link", { name: /查看全部 \d+ 条通知/ })
    .click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "通知中心" })).toBeVisible();
  const list = page.getByRole("list", { name: "通知中心" });
  await expect(list.getByRole("listitem")).toHaveCount(20);
  const pager = page.getByRole("navigation", { name: "分页" });
  await expect(pager).toContainText(/第 1 页，共 \d+ 页/);
  await expectNoSeriousViolations(page);

  await pager.getByRole("link", { name: /较早/ }).click();
  await expect(page).toHaveURL(/\/notifications\?page=2$/);
  await expect(pager).toContainText(/第 2 页/);
  const row = list.getByRole("listitem").filter({ hasText: "即将截止：银行服务的基本技巧" }).first();
  await row.getByRole("button", { name: /^标为已读/ }).click();
  await expect(row).toContainText("已读");
  await expect.poll(unreadOf).toBe(before - 1);

  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(bell).toHaveAttribute("aria-label", "通知中心");
  await expect(page.getByRole("button", { name: /^标为已读/ })).toHaveCount(0);
  await expect(page.getByText(/，0 条未读。/)).toBeVisible();
});

test("marking someone else's notification is not found, and a bad page number shows the first page", async ({
  learnerPage: page,
}) => {
  await page.goto("/notifications?page=abc");
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText(/第 1 页/);
  await page.goto("/notifications?page=99999");
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText(/第 (\d+) 页，共 \1 页/);
});

test("the header names the learner after a client-side navigation to a chapter", async ({
  learnerPage: page,
}) => {
  await page.goto("/");
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: /王晓明/ })).toBeVisible();
  await banner.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "章节学习" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await page
    .getByRole("main")
    .getByRole("link", { name: /银行服务的基本技巧/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/learn\/basic-skills/);
  await expect(banner.getByRole("link", { name: /王晓明/ })).toBeVisible({ timeout: 5_000 });
  await expect(banner.getByRole("link", { name: /^通知中心/ })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the chapter's contents are one 目录 button; it opens, follows a section and marks it", async ({
    learnerPage: page,
  }) => {
    // A chapter no other spec takes today, so its check can be started whatever ran before.
    await page.goto("/learn/service-innovation");
    const toc = page.getByRole("navigation", { name: "本章目录" });
    const button = toc.getByRole("button", { name: "目录" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(toc.getByRole("link").first()).toBeHidden();
    const title = page.getByRole("heading", { level: 1 });
    expect((await button.boundingBox())?.height).toBeLessThan(60);
    expect(await fitsPhone(page)).toBe(true);

    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const second = toc.getByRole("link").nth(1);
    await expect(second).toBeVisible();
    await expectNoSeriousViolations(page);
    await second.click();
    await expect(page).toHaveURL(/#s-2$/);
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(toc.locator('[aria-current="location"]')).toHaveAttribute("href", "#s-2");
    const progress = page.getByRole("progressbar", { name: "阅读进度" });
    await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await expect(title).toBeAttached();

    // The question type is said once, and a radio keeps its size beside a long answer.
    await page.locator("#knowledge-check").scrollIntoViewIfNeeded();
    const start = page.getByRole("button", { name: /开始|继续/ }).first();
    if (await start.isVisible()) await start.click();
    const legend = page.locator("#knowledge-check legend").first();
    await expect(legend).toBeVisible({ timeout: 15_000 });
    await expect(legend).not.toContainText(/（.*（/);
    const sizes = await page
      .locator("#knowledge-check input[type=radio], #knowledge-check input[type=checkbox]")
      .evaluateAll((inputs) => inputs.map((i) => Math.round(i.getBoundingClientRect().width)));
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set([20]));
  });
});

test("the chapter search finds a section and opens it, in Chinese and English", async ({
  learnerPage: page,
}) => {
  await page.goto("/");
  await page.getByRole("search", { name: "搜索章节" }).getByRole("searchbox").fill("主动倾听");
  await page.getByRole("search", { name: "搜索章节" }).getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 2 })).toContainText(/“主动倾听”共找到 \d+ 个小节/);
  const first = page.getByRole("main").getByRole("listitem").first();
  await expect(first.locator("mark")).toContainText(/主动|倾听/);
  await expectNoSeriousViolations(page);
  const link = first.getByRole("link");
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/learn\/[a-z-]+#s-\d+$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[#]/g, "\\#")}$`));
  await expect(page.locator(href.slice(href.indexOf("#")))).toBeInViewport();

  await page.goto(`/search?q=${"长".repeat(101)}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("搜索内容过长，最多 100 个字。");

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/search?q=listening");
  await expect(page.getByRole("heading", { level: 2 })).toContainText(/sections? for "listening"/);
  await expect(page.getByRole("main").getByRole("listitem").first().getByRole("link")).toHaveAttribute(
    "href",
    /^\/learn\/[a-z-]+#s-\d+$/,
  );
  await page.goto("/search?q=zzzqqq");
  await expect(page.getByText('No section mentions "zzzqqq"')).toBeVisible();
});

for (const locale of ["zh-CN", "en"] as const) {
  for (const width of [1280, 390]) {
    test(`the changed pages at ${width} px in ${locale}: no sideways scrolling, no serious axe finding`, async ({
      learnerPage: page,
    }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      if (locale === "en") {
        await page.goto("/");
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
      }
      const pages = [
        ["home", "/"],
        ["notifications", "/notifications"],
        ["chapter", "/learn/basic-skills"],
        ["search", locale === "en" ? "/search?q=greeting" : "/search?q=微笑"],
      ] as const;
      for (const [name, path] of pages) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        if (name === "chapter")
          // On a phone the name sits in the closed menu: present, not shown.
          await expect(page.locator('header a[href="/me"]')).toContainText("王晓明");
        expect(await fitsPhone(page), `${path} is wider than the window`).toBe(true);
        await expectNoSeriousViolations(page);
        await page.screenshot({
          path: `/work/shots/learner/${name}-${locale}-${width}.png`,
          fullPage: name !== "chapter",
        });
      }
    });
  }
}
