import type { Page } from "@playwright/test";
import type { Question } from "@/lib/content/types";

/** The chapter reader (/learn/<slug>) and the knowledge check at its end. */
export class ChapterReader {
  constructor(readonly page: Page) {}

  async open(slug: string) {
    return this.page.goto(`/learn/${slug}`);
  }

  heading(title: string) {
    return this.page.getByRole("heading", { level: 1, name: title });
  }

  get toc() {
    return this.page.getByRole("navigation", { name: "本章目录" });
  }

  /** A question of the knowledge check, by its prompt. */
  question(prompt: string | undefined) {
    return this.page.getByRole("group", { name: prompt });
  }

  /** An embedded role-play card, by the scenario's title. */
  scenarioCard(title: string) {
    return this.page.getByRole("region", { name: title });
  }

  /** Answers each question through its labelled group; `wrong` lists questions to answer incorrectly. */
  async answer(questions: Question[], wrong: string[] = []) {
    for (const q of questions) {
      const role = q.type === "multiple" ? "checkbox" : "radio";
      const picks = wrong.includes(q.id)
        ? [q.options.find((o) => !o.correct)]
        : q.options.filter((o) => o.correct);
      for (const o of picks)
        if (o) await this.question(q.prompt).getByRole(role, { name: o.text, exact: true }).check();
    }
  }

  async submit() {
    await this.page.getByRole("button", { name: "提交答案" }).click();
  }

  /** Starts another attempt and waits for the server's draw. */
  async retry() {
    await this.startWith("重新作答");
  }

  /** Clicks a start button and waits until the server has drawn (or refused) the attempt. */
  async startWith(name: string) {
    const drawn = this.page.waitForResponse(
      (r) => /\/api\/learn\/[^/]+\/check$/.test(r.url()) && r.request().method() === "POST",
    );
    await this.page.getByRole("button", { name }).click();
    return drawn;
  }

  /** The result heading showing this score. */
  result(percent: number) {
    return this.page.getByRole("heading", { name: `检测结果: 得分 ${percent}%` });
  }

  get history() {
    return this.page.getByRole("region", { name: "作答记录" });
  }
}
