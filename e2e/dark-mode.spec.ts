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

/**
 * The lightness (0–1, by Rec. 709 luma) of the page's background and of the first card's, read back
 * from a canvas so whatever notation the browser computes (rgb, oklch, color()) becomes sRGB bytes.
 */
const backgrounds = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    const lightness = (element: Element) => {
      canvas.fillStyle = getComputedStyle(element).backgroundColor;
      canvas.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0] = canvas.getImageData(0, 0, 1, 1).data;
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    return {
      page: lightness(document.documentElement),
      card: lightness(document.querySelector(".bg-white") ?? document.body),
    };
  });

for (const colorScheme of SCHEMES) {
  test(`the sign-in page passes axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/login");
    const { page: bg, card } = await backgrounds(page);
    if (colorScheme === "dark") {
      expect(bg).toBeLessThan(0.15);
      expect(card).toBeLessThan(0.25);
      expect(card).toBeGreaterThan(bg);
    } else {
      expect(bg).toBeGreaterThan(0.9);
      expect(card).toBeGreaterThan(0.95);
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
