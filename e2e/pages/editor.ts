import type { Page } from "@playwright/test";

/** The trainer's content editor (/author/<kind>/<slug>): source, live preview, checks, publish and history. */
export class ContentEditor {
  constructor(readonly page: Page) {}

  /** Creates a module from the content list (/author) and lands in its editor. */
  async create(slug: string) {
    await this.page.goto("/author");
    await this.page.getByLabel("标识（英文小写字母、数字和连字符）").fill(slug);
    await this.page.getByRole("button", { name: "创建" }).click();
  }

  /** The Chinese source (the editor's default language tab). */
  get source() {
    return this.page.getByRole("textbox", { name: "中文 源文" });
  }

  async setSource(text: string) {
    await this.source.fill(text);
  }

  get preview() {
    return this.page.getByRole("region", { name: /预览/ });
  }

  /** The list of problems the validator found. */
  get issues() {
    return this.page.getByRole("alert").filter({ hasText: "发现" });
  }

  /** Shown when the validator finds nothing. */
  get clean() {
    return this.page.getByText("没有发现问题，可以发布。");
  }

  get note() {
    return this.page.getByLabel("修改说明");
  }

  get major() {
    return this.page.getByLabel(/重大修订/);
  }

  get publishButton() {
    return this.page.getByRole("button", { name: "发布新版本" });
  }

  /** Publishes the current source as a new revision with this note. */
  async publish(note: string, { major = false } = {}) {
    await this.note.fill(note);
    if (major) await this.major.check();
    await this.publishButton.click();
  }

  async saveDraft() {
    await this.page.getByRole("button", { name: "保存草稿" }).click();
  }

  /** The message after publishing revision `n`. */
  published(n: number) {
    return this.page.getByText(`已发布第 ${n} 版，学员现在看到的是新内容。`);
  }

  /** A row of the revision history, by its label ("第 1 版") or other text it contains. */
  revision(text: string) {
    return this.page.getByRole("row").filter({ hasText: text });
  }

  async rollBackTo(n: number, note: string) {
    const row = this.revision(`第 ${n} 版`);
    await row.getByRole("button", { name: "回滚到此版本" }).click();
    await row.getByLabel("回滚说明").fill(note);
    await row.getByRole("button", { name: "确认回滚" }).click();
  }
}
