/**
 * The ids trainers write (questions, options; scenario steps, choices, rubric elements): lowercase
 * letters, digits and hyphens, starting with a letter, at most 40 characters. Ids become keys of
 * answers, scores and lookups, so names that plain objects already have ("constructor",
 * "__proto__", "toString"…) are refused too, whatever the pattern allows.
 */
export const CONTENT_ID = /^[a-z][a-z0-9-]{0,39}$/;

export function isContentId(id: string): boolean {
  return CONTENT_ID.test(id) && !(id in Object.prototype);
}

/** Why `id` is not a content id, as an issue code (lib/content/issue-codes.ts); null when it is one. */
export function contentIdProblem(id: string): "idReserved" | "idPattern" | null {
  if (id in Object.prototype) return "idReserved";
  if (!CONTENT_ID.test(id)) return "idPattern";
  return null;
}
