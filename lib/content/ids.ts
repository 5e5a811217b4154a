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

/** Why `id` is not a content id, for a validator's message; null when it is one. */
export function contentIdProblem(id: string): string | null {
  if (id in Object.prototype) return `"${id}" is a reserved name; choose another id`;
  if (!CONTENT_ID.test(id))
    return `"${id}" must be lowercase letters, digits and hyphens, start with a letter and be at most 40 characters`;
  return null;
}
