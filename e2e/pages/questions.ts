import type { Page } from "@playwright/test";
import type { DrawnQuestion } from "../support/arrange";

/** The fieldset of a drawn question, found by its item key (the inputs' name), in a check or the exam. */
export function drawnGroup(page: Page, key: string) {
  return page.getByRole("group").filter({ has: page.locator(`input[name="${key}"]`) });
}

/**
 * Answers drawn questions through their labelled options (shuffled, so found by text): the key,
 * or one wrong option for the keys in `wrong`.
 */
export async function answerDrawn(
  page: Page,
  drawn: DrawnQuestion[],
  { wrong = [] }: { wrong?: string[] } = {},
) {
  for (const d of drawn) {
    const role = d.question.type === "multiple" ? "checkbox" : "radio";
    const picks = wrong.includes(d.key)
      ? [d.question.options.find((o) => !o.correct)]
      : d.question.options.filter((o) => o.correct);
    for (const o of picks)
      if (o) await drawnGroup(page, d.key).getByRole(role, { name: o.text, exact: true }).check();
  }
}
