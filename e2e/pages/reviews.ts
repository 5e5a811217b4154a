import type { Page } from "@playwright/test";

/** The trainer's free-text review queue (/author/reviews): contested answers first, then the rest. */
export class ReviewQueue {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/author/reviews");
  }

  /** Every answer in the queue, in order. */
  get items() {
    return this.page.getByRole("list", { name: "待评审的回答" }).locator(":scope > li");
  }

  /** The queue's entry for an answer, by what the learner wrote. */
  item(answer: string) {
    return this.items.filter({ hasText: answer });
  }

  /** The points field of one skill in an entry ("同理心 得分"). */
  points(answer: string, competency: string) {
    return this.item(answer).getByRole("spinbutton", { name: `${competency} 得分` });
  }

  /** Decides a contested answer: points per skill label, and the reason the learner will read. */
  async decide(answer: string, points: Record<string, number>, reason: string) {
    for (const [competency, p] of Object.entries(points))
      await this.points(answer, competency).fill(String(p));
    await this.item(answer)
      .getByLabel(/复核理由/)
      .fill(reason);
    await this.item(answer).getByRole("button", { name: "作出复核决定" }).click();
  }
}
