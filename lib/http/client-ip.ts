/**
 * The client address for rate limiting: the last X-Forwarded-For entry, which is the one our own
 * reverse proxy appended (Next sets the header from the socket only when it is absent). Deploy
 * behind a proxy that appends it (nginx `proxy_add_x_forwarded_for`), as the README says.
 */
export function clientIp(forwardedFor: string | null): string {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last && last.length <= 64 ? last : "unknown";
}
