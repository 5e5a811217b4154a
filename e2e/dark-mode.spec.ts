import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { expect, type Role, test } from "./fixtures";

// Dark mode follows the system setting (app/dark.css). Axe (colour contrast included) reads every
// main page of each role in both themes; screenshots of the dark theme at 1280 and 390 px.
const PAGES: Record<Role, string[]> = {
  learner: ["/", "/learn", "/learn/service-importance", "/practice", "/me"],
  trainer: ["/author"],
  manager: ["/reports", "/reports/people"],
  admin: ["/admin", "/admin/users"],
};
const SCHEMES = ["light", "dark"] as const;

/** The page's background and the first card's, as the browser computed them. */
const backgrounds = (page: Page) =>
  page.evaluate(() => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    card: getComputedStyle(document.querySelector(".bg-white") ?? document.body).backgroundColor,
  }));

/** Relative lightness 0–1 of a computed colour (rgb() or oklch()), enough to tell dark from light. */
const lightness = (colour: string) => {
  const oklch = /oklch\(([\d.]+)(%?)/.exec(colour);
  if (oklch) return Number(oklch[1]) / (oklch[2] ? 100 : 1);
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

for (const colorScheme of SCHEMES) {
  test(`the sign-in page passes axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/login");
    const { page: bg, card } = await backgrounds(page);
    if (colorScheme === "dark") {
      expect(lightness(bg)).toBeLessThan(0.3);
      expect(lightness(card)).toBeLessThan(0.3);
    } else {
      expect(lightness(bg)).toBeGreaterThan(0.9);
    }
    await expectNoSeriousViolations(page);
  });

  for (const [role, paths] of Object.entries(PAGES) as [Role, string[]][]) {
    test(`${role} pages pass axe in the ${colorScheme} theme`, async ({ pageAs }) => {
      const page = await pageAs(role);
      await page.emulateMedia({ colorScheme });
      for (const url of paths) {
        await test.step(url, async () => {
          await page.goto(url);
          await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
          await expectNoSeriousViolations(page);
        });
      }
    });
  }
}

// Written under SHOTS_DIR when set (e.g. SHOTS_DIR=/work/shots/platform), else into the test's output.
const SHOTS: [Role, string, string][] = [
  ["learner", "/", "home"],
  ["learner", "/learn/complaint-handling", "chapter"],
  ["manager", "/reports", "reports"],
];
for (const locale of ["zh-CN", "en"] as const) {
  test(`dark and light screenshots at 1280 and 390 px (${locale})`, async ({ pageAs, baseURL }, testInfo) => {
    const dir = process.env.SHOTS_DIR ?? testInfo.outputPath();
    mkdirSync(dir, { recursive: true });
    for (const [role, url, name] of SHOTS) {
      const page = await pageAs(role);
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL as string }]);
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
          await page.goto(url);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
          await page.screenshot({ path: path.join(dir, `${name}-${locale}-${colorScheme}-${width}.png`) });
        }
      }
    }
  });
}
