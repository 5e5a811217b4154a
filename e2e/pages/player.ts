import { expect, type Locator, type Page } from "@playwright/test";
import type { Scenario } from "@/lib/scenario/schema";

export type Move = { step: string; choice?: string; text?: string };

/**
 * The role-play player, on its own page or embedded in a chapter (pass the card's region).
 * Choices are buttons named by their text; free-text steps take the reply in a labelled textbox.
 */
export class ScenarioPlayer {
  constructor(readonly root: Page | Locator) {}

  async start() {
    await this.root.getByRole("button", { name: "开始演练" }).click();
  }

  /** The customer's mood indicator. */
  get mood() {
    return this.root.getByRole("status");
  }

  async choose(text: string | undefined) {
    await this.root.getByRole("button", { name: text, exact: true }).click();
  }

  async say(text: string) {
    await this.root.getByRole("textbox", { name: "您的回答" }).fill(text);
    await this.root.getByRole("button", { name: "发送" }).click();
  }

  /** Plays the given moves, checking each step shows the customer's line before answering it. */
  async play(s: Scenario, moves: Move[]) {
    for (const move of moves) {
      const step = s.steps[move.step];
      if (!step) throw new Error(`no step ${move.step}`);
      if (step.customer)
        await expect(this.root.getByText(step.customer, { exact: true }).last()).toBeVisible();
      if (step.kind === "text") await this.say(move.text ?? step.modelAnswer);
      else if (step.kind === "choice" || step.kind === "timed")
        await this.choose(step.choices.find((c) => c.id === move.choice)?.text);
    }
  }
}

/** The result page of a finished role-play. */
export class ScenarioResult {
  constructor(readonly page: Page) {}

  /** The total, e.g. "总分 100%"; any total when no percentage is given. */
  total(percent?: number) {
    return this.page.getByRole("heading", {
      name: percent === undefined ? /^总分 \d+%$/ : `总分 ${percent}%`,
    });
  }

  get competencies() {
    return this.page.getByRole("table", { name: "各项能力得分率" });
  }
}
