import { describe, expect, it } from "vitest";
import {
  adjustCallback,
  shortState,
  WECOM_STATE_COOKIE,
  withShortState,
} from "@/app/[locale]/(auth)/providers/callback-url";

const jar = (cookies: Record<string, string>) => ({
  get: (name: string) => (name in cookies ? { value: cookies[name] as string } : undefined),
});
const LONG_STATE = `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..${"x".repeat(300)}`;

describe("platform callbacks", () => {
  it("copies DingTalk's authCode to code", () => {
    const url = adjustCallback(
      new URL("https://t.bank/api/auth/callback/dingtalk?authCode=abc&state=s"),
      jar({}),
    );
    expect(url?.searchParams.get("code")).toBe("abc");
    expect(url?.searchParams.get("state")).toBe("s");
  });

  it("leaves other callbacks and DingTalk callbacks with a code alone", () => {
    expect(
      adjustCallback(new URL("https://t.bank/api/auth/callback/oidc?code=1&state=s"), jar({})),
    ).toBeNull();
    expect(
      adjustCallback(new URL("https://t.bank/api/auth/callback/dingtalk?code=1&authCode=2"), jar({})),
    ).toBeNull();
    expect(
      adjustCallback(new URL("https://t.bank/api/auth/callback/dingtalk?error=access_denied"), jar({})),
    ).toBeNull();
  });

  it("gives WeCom a state of 32 characters from a-zA-Z0-9, and swaps the full one back from its cookie", () => {
    const callback = encodeURIComponent("https://t.bank/api/auth/callback/wecom-app");
    const short = withShortState(
      `https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww1&redirect_uri=${callback}&state=${LONG_STATE}`,
    );
    const out = new URL(short.url);
    const state = out.searchParams.get("state") ?? "";
    expect(state).toMatch(/^[a-zA-Z0-9]{32}$/);
    expect(out.searchParams.get("appid")).toBe("ww1");
    expect(short).toMatchObject({ state: LONG_STATE, secure: true });
    const back = adjustCallback(
      new URL(`https://t.bank/api/auth/callback/wecom-app?code=c&state=${state}`),
      jar({ [WECOM_STATE_COOKIE]: LONG_STATE }),
    );
    expect(back?.searchParams.get("state")).toBe(LONG_STATE);
    expect(back?.searchParams.get("code")).toBe("c");
  });

  it("keeps the state cookie off plain http only when the app itself is on http", () => {
    const callback = encodeURIComponent("http://localhost:3000/api/auth/callback/wecom");
    expect(withShortState(`https://login.test/?redirect_uri=${callback}&state=s`).secure).toBe(false);
  });

  it("does not swap a short state that is not the hash of this browser's state cookie", () => {
    const forged = shortState("someone else's state");
    const url = new URL(`https://t.bank/api/auth/callback/wecom?code=c&state=${forged}`);
    expect(adjustCallback(url, jar({ [WECOM_STATE_COOKIE]: LONG_STATE }))).toBeNull();
    expect(adjustCallback(url, jar({}))).toBeNull();
  });
});
