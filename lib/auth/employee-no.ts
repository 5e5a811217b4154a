/** What an employee number may look like: letters, digits, `-` and `_`, up to 32. */
export const EMPLOYEE_NO = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

/**
 * The one form an employee number is stored, looked up and compared in: trimmed and in upper
 * case, so `e1001 ` and `E1001` are one person at import, sign-in, assignment, search and SSO.
 */
export function canonicalEmployeeNo(value: string): string {
  return value.trim().toUpperCase();
}
