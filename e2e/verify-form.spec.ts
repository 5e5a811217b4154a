import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("a badly formatted code stays in the box, the error beside it, the button in line", async ({
      page,
    }) => {
      await page.goto("/verify");
      const box = page.getByLabel("证书核验编号");
      await box.fill("AB-12");
      await page.getByRole("button", { name: "核验" }).click();
      await expect(page).toHaveURL(/\/verify\?code=AB-12$/);
      await expect(box).toHaveValue("AB-12");
      await expect(box).toHaveAttribute("aria-invalid", "true");
      await expect(box).toHaveAccessibleDescription(/编号格式不正确/);

      const input = await box.boundingBox();
      const button = await page.getByRole("button", { name: "核验" }).boundingBox();
      if (!input || !button) throw new Error("the form is not laid out");
      expect(Math.abs(button.y - input.y)).toBeLessThanOrEqual(1);
      expect(Math.abs(button.height - input.height)).toBeLessThanOrEqual(1);
      expect(button.x).toBeGreaterThan(input.x + input.width - 1);
      expect(await page.evaluate(() => document.body.scrollWidth <= document.body.clientWidth)).toBe(true);
      await expectNoSeriousViolations(page);
    });
  });
}
