/**
 * A state-changing request (anything but GET, HEAD, OPTIONS) whose Origin names another host than
 * the one it was sent to: another site's page trying to act with the user's cookies. Refused with
 * 403 by handleRoute (every API route) and by the proxy (Auth.js's routes).
 */
export function isCrossOriginWrite(request: { method: string; headers: Headers }): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}
