/**
 * A session counts while its account is active and still holds the session version the token was
 * issued with: deactivation, a role change, a password reset, signing out and "sign out
 * everywhere" all bump the version, which ends every token issued before.
 */
export function sessionCounts(
  user: { active: boolean; sessionVersion: number } | undefined,
  tokenVersion: number | undefined,
): boolean {
  return Boolean(user?.active) && user?.sessionVersion === tokenVersion;
}
