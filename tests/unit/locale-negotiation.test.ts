import { describe, expect, it } from "vitest";
import { cookieLocale, localeOf, preferredLocale } from "@/lib/i18n/locales";

describe("Accept-Language negotiation", () => {
  it.each([
    ["en-US,en;q=0.9", "en"],
    ["en", "en"],
    ["EN-gb", "en"],
    ["fr-FR, en;q=0.8", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh;q=0.5, en;q=0.9", "en"],
    ["en;q=0, zh", "zh-CN"],
    ["de-DE", "zh-CN"],
    ["*", "zh-CN"],
    ["", "zh-CN"],
    [null, "zh-CN"],
  ])("%s → %s", (header, locale) => {
    expect(preferredLocale(header)).toBe(locale);
  });
});

describe("the language of a request", () => {
  const request = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

  it("takes the cookie first, then the browser's languages", () => {
    expect(localeOf(request({ cookie: "NEXT_LOCALE=zh-CN", "accept-language": "en-US" }))).toBe("zh-CN");
    expect(localeOf(request({ cookie: "a=1", "accept-language": "en-US" }))).toBe("en");
    expect(localeOf(request({ cookie: "NEXT_LOCALE=fr", "accept-language": "en" }))).toBe("en");
    expect(localeOf(request({}))).toBe("zh-CN");
    expect(cookieLocale("a=1; NEXT_LOCALE=en")).toBe("en");
    expect(cookieLocale("NEXT_LOCALE=xx")).toBeNull();
  });
});
