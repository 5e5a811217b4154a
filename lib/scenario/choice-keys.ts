/** The most choices number keys pick: 1–4 (a step never offers more in the shipped scenarios). */
export const CHOICE_KEYS = 4;

/**
 * Which choice (0-based) a key press picks, or null: only the digits 1–4 without modifiers, and
 * never while the learner is typing in a field, so a "1" in a reply stays a "1".
 */
export function choiceIndexForKey(
  event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; target: unknown },
  choices: number,
): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (isTextField(event.target)) return null;
  const n = Number(event.key);
  if (!Number.isInteger(n) || n < 1 || n > Math.min(choices, CHOICE_KEYS)) return null;
  return n - 1;
}

function isTextField(target: unknown): boolean {
  if (!target || typeof target !== "object") return false;
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  if (el.isContentEditable) return true;
  const tag = el.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  // Any input: a number typed into a field, or a radio's own arrow/space handling, is left alone.
  return tag === "INPUT";
}
