/**
 * Headers for the few answers server.ts writes itself, before or instead of Next.js (a malformed
 * address, a failure Next did not answer): the same protections as every page, for a body that
 * needs no script, style or frame at all.
 */
export const BARE_RESPONSE_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cache-Control": "no-store",
} as const;
