/**
 * A cell that Excel will not run as a formula: text starting with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe. Names and reasons in exports come from uploaded files and users.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
