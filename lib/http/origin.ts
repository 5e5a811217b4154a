/** Methods that change nothing; every other request must come from the app's own origin. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request says it comes from another origin than the host it was sent
 * to. An Origin that is not a URL at all (`null` from a sandboxed frame or a cross-site redirect,
 * `not a url`, `http://127.0.0.1:3000.evil.example`) counts as another origin. A request without
 * an Origin (a script, curl) is let through: browsers send one with every cross-site POST.
 */
export function isCrossOrigin(method: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase()) || origin === null) return false;
  if (!URL.canParse(origin)) return true;
  return new URL(origin).host !== host;
}
