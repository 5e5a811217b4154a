import { createHash } from "node:crypto";

/**
 * Where the Chinese platforms' redirects differ from what Auth.js expects, the URLs are adjusted
 * on the way out (authorization) and on the way back (callback), and nowhere else.
 */

const STATE_COOKIES = ["authjs.state", "__Secure-authjs.state"];
const SHORT_STATE = /^[0-9a-f]{32}$/;

/**
 * WeCom's in-app OAuth accepts a state of at most 128 bytes of a-zA-Z0-9 (document/path/91022);
 * Auth.js's state is an encrypted token of several hundred characters. WeCom gets its hash instead
 * (128 bits, as unguessable), and the callback swaps it back for the value in Auth.js's state cookie.
 */
export function shortState(state: string): string {
  return createHash("sha256").update(state).digest("hex").slice(0, 32);
}

/** The authorization URL with Auth.js's state replaced by its short form. */
export function withShortState(authorizationUrl: string): string {
  const url = new URL(authorizationUrl);
  const state = url.searchParams.get("state");
  if (state) url.searchParams.set("state", shortState(state));
  return url.href;
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
    const full = STATE_COOKIES.map((name) => cookies.get(name)?.value).find(
      (v) => v && shortState(v) === state,
    );
    if (!full) return null;
    adjusted.searchParams.set("state", full);
    return adjusted;
  }
  return null;
}
