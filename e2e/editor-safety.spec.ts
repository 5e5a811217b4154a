import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { newItemSource } from "@/lib/content/templates";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { ContentEditor } from "./pages/editor";

const SHOTS = "/work/shots/editor";

/** Page errors (such as React's "Maximum update depth exceeded", #185) seen while the test runs. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/**
 * Writes at the end of the Chinese source's knowledge check: the first line key by key, as a
 * trainer types (each key is a check and a render), the rest pasted.
 */
async function typeBeforeCheckEnd(page: Page, editor: ContentEditor, text: string) {
  await editor.source.click();
  await page.keyboard.press("Control+End");
  // The template ends with "</KnowledgeCheck>\n": go to the start of that line.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Home");
  const [first, ...rest] = text.split("\n");
  await page.keyboard.type(first as string);
  if (rest.length > 0) await page.keyboard.insertText(`\n${rest.join("\n")}`);
}

const NEW_QUESTION = `  <Question id="q-typed" type="single" section="1" prompt="新加的题">
    <Option id="a" feedback="甲">甲</Option>
    <Option id="b" correct feedback="乙">乙</Option>
  </Question>
`;

test("the editor's leave prompt and autosave", async ({ trainerPage: page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const editor = new ContentEditor(page);
  await editor.create(`e2e-autosave-${Date.now() % 100000}`);
  await expect(editor.clean).toBeVisible({ timeout: 30_000 });
  // The English rule is stated before anything goes wrong.
  await expect(page.getByText(/英文版可选；但一旦填写，就必须包含中文版的全部题目/)).toBeVisible();

  // Typing a new question key by key: no maximum-update-depth error, autosaved when typing stops.
  await typeBeforeCheckEnd(page, editor, NEW_QUESTION);
  await expect(page.getByText("有未保存的修改")).toBeVisible();
  await expect(page.getByText(/^草稿已于 .+ 自动保存。$/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("有未保存的修改")).toBeHidden();
  await page.reload();
  // CodeMirror draws only the lines on screen: go to the end, where the question was added.
  await editor.source.click();
  await page.keyboard.press("Control+End");
  await expect(editor.source).toContainText('id="q-typed"');

  // Unsaved edits: a link inside the app asks first, and staying keeps them.
  await typeBeforeCheckEnd(page, editor, "  ");
  await expect(page.getByText("有未保存的修改")).toBeVisible();
  const url = page.url();
  const asked = page.waitForEvent("dialog").then(async (dialog) => {
    const message = dialog.message();
    await dialog.dismiss();
    return message;
  });
  await page.getByRole("link", { name: "← 返回内容列表" }).click();
  expect(await asked).toBe("有未保存的修改。确定离开此页并放弃这些修改吗？");
  expect(page.url()).toBe(url);
  // Reloading or closing asks too (the page cancels beforeunload while edits are unsaved).
  expect(
    await page.evaluate(() => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    }),
  ).toBe(true);

  // Ctrl+S saves at once; then nothing is pending and leaving does not ask.
  await page.keyboard.press("Control+s");
  await expect(page.getByText("草稿已保存。")).toBeVisible();
  await expect(page.getByText("有未保存的修改")).toBeHidden();
  expect(
    await page.evaluate(() => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    }),
  ).toBe(false);
  await expectNoSeriousViolations(page);
  expect(errors).toEqual([]);
});

test("a question added in Chinese is listed with the other errors and copied into English on request", async ({
  trainerPage: page,
}) => {
  const errors = watchErrors(page);
  const editor = new ContentEditor(page);
  const slug = `e2e-copy-${Date.now() % 100000}`;
  await editor.create(slug);
  await expect(editor.clean).toBeVisible({ timeout: 30_000 });
  // The module's template, as created (its order is the one line that depends on the database).
  const order = Number(/order: (\d+)/.exec((await editor.source.textContent()) ?? "")?.[1]);
  const sourceText = newItemSource("chapter", slug, order);
  // An English version: the template with its locale, so it matches the Chinese one.
  await page.getByRole("button", { name: /^English/ }).click();
  await page
    .getByRole("textbox", { name: "English 源文" })
    .fill(sourceText.replace("locale: zh-CN", "locale: en"));
  await expect(editor.clean).toBeVisible({ timeout: 30_000 });

  // A new Chinese question without a correct option: both problems at once, in Chinese, at their lines.
  await page.getByRole("button", { name: /^中文/ }).click();
  const broken = sourceText.replace(
    "</KnowledgeCheck>",
    `${NEW_QUESTION.replace('correct feedback="乙"', 'feedback="乙"')}</KnowledgeCheck>`,
  );
  await editor.setSource(broken);
  const zhLine = broken.split("\n").findIndex((l) => l.includes('id="q-typed"')) + 1;
  const enCheckLine = sourceText.split("\n").findIndex((l) => l.startsWith("<KnowledgeCheck")) + 1;
  await expect(editor.issues).toContainText(`中文 第 ${zhLine} 行第 3 列：题目“q-typed”没有正确选项`);
  await expect(editor.issues).toContainText(
    `English 第 ${enCheckLine} 行第 1 列：缺少题目“q-typed”（中文版第 ${zhLine} 行）`,
  );
  await expect(editor.issues).not.toContainText("has no correct option");
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/issues-zh-1280.png`, fullPage: true });

  await page.getByRole("button", { name: "将 1 道新题复制到英文版（标记为未翻译）" }).click();
  const english = page.getByRole("textbox", { name: "English 源文" });
  await expect(english).toContainText('<Question untranslated id="q-typed"');
  await expect(page.getByText(/已将 1 道题复制到英文版并标记为未翻译/)).toBeVisible();
  await expect(editor.issues).toContainText("题目“q-typed”标记为未翻译");
  await expect(editor.issues).not.toContainText("缺少题目");
  await expect(page.getByText("请先修正上面的问题再发布。")).toBeVisible();
  await expectNoSeriousViolations(page);
  expect(errors).toEqual([]);
});

for (const [locale, width] of [
  ["zh-CN", 1280],
  ["zh-CN", 390],
  ["en", 1280],
  ["en", 390],
] as const) {
  test(`screenshot of the editor with problems, ${locale} at ${width} px`, async ({ trainerPage: page }) => {
    const editor = new ContentEditor(page);
    await page.setViewportSize({ width, height: 900 });
    await editor.create(`e2e-shot-${locale === "en" ? "en" : "zh"}-${width}-${Date.now() % 100000}`);
    await expect(editor.clean).toBeVisible({ timeout: 30_000 });
    if (locale === "en") {
      const { hostname } = new URL(page.url());
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", domain: hostname, path: "/" }]);
      await page.reload();
    }
    const source = page.getByRole("textbox", { name: /^中文 (源文|source)/i });
    await source.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Home");
    await page.keyboard.type(
      '  <Question id="q-shot" type="single" section="1" prompt="新题">\n</Question>\n',
    );
    const issues = page.getByRole("alert").filter({ hasText: /发现|found/ });
    await expect(issues).toContainText(
      locale === "en" ? 'Question "q-shot" needs at least 2 options' : "题目“q-shot”至少需要 2 个选项",
    );
    await expect(page.getByText(/草稿已于|Draft saved automatically/)).toBeVisible({ timeout: 15_000 });
    await issues.scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/editor-${locale}-${width}.png` });
    await page.screenshot({ path: `${SHOTS}/editor-${locale}-${width}-full.png`, fullPage: true });
    expect(await page.evaluate(() => document.body.scrollWidth <= document.body.clientWidth)).toBe(true);
    await expectNoSeriousViolations(page);
  });
}
