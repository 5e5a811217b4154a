/** Only what client components translate goes to the browser; server components read the rest. */
export const CLIENT_NAMESPACES = [
  "error",
  "login",
  "secondFactor",
  "idle",
  "learn",
  "practice",
  "exam",
  "dailyReview",
  "review",
  "roles",
  "notifications",
  "adminCertificates",
  "adminImport",
  "adminUsers",
  "adminSecurity",
  "adminBranches",
  "setPassword",
  "assign",
] as const;

/** The messages of the given namespaces, for a NextIntlClientProvider. */
export function pickMessages(messages: Record<string, unknown>, namespaces: readonly string[]) {
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]));
}
