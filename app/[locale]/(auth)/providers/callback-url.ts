import { createHash } from "node:crypto";

/**
 * Where the Chinese platforms' redirects differ from what Auth.js expects, the URLs are adjusted
 * on the way out (authorization) and on the way back (callback), and nowhere else.
 */

/** Holds Auth.js's state for the WeCom round trip; only the callback path sees it. */
export const WECOM_STATE_COOKIE = "wecom-oauth-state";
const SHORT_STATE = /^[0-9a-f]{32}$/;

/**
 * WeCom's in-app OAuth accepts a state of at most 128 bytes of a-zA-Z0-9 (document/path/91022);
 * Auth.js's state is an encrypted token of several hundred characters. WeCom gets its hash instead
 * (128 bits, as unguessable), the full state waits in a cookie of this browser, and the callback
 * puts it back.
 */
export function shortState(state: string): string {
  return createHash("sha256").update(state).digest("hex").slice(0, 32);
}

/** The authorization URL with Auth.js's state replaced by its short form, and the full state to keep. */
export function withShortState(authorizationUrl: string): { url: string; state?: string; secure: boolean } {
  const url = new URL(authorizationUrl);
  const state = url.searchParams.get("state") ?? undefined;
  if (state) url.searchParams.set("state", shortState(state));
  const callback = url.searchParams.get("redirect_uri");
  return { url: url.href, state, secure: callback?.startsWith("https:") ?? true };
}

type CookieJar = { get(name: string): { value: string } | undefined };

/**
 * The callback URL as Auth.js needs it, or null when it needs nothing: DingTalk's `authCode`
 * copied to `code`; on WeCom callbacks the short state replaced by the full one it stands for.
 */
export function adjustCallback(url: URL, cookies: CookieJar): URL | null {
  const provider = /\/callback\/([a-z-]+)$/.exec(url.pathname)?.[1];
  const adjusted = new URL(url);
  const authCode = url.searchParams.get("authCode");
  if (provider === "dingtalk" && authCode && !url.searchParams.has("code")) {
    adjusted.searchParams.set("code", authCode);
    return adjusted;
  }
  const state = url.searchParams.get("state") ?? "";
  if ((provider === "wecom" || provider === "wecom-app") && SHORT_STATE.test(state)) {
    const full = cookies.get(WECOM_STATE_COOKIE)?.value;
    if (!full || shortState(full) !== state) return null;
    adjusted.searchParams.set("state", full);
    return adjusted;
  }
  return null;
}
