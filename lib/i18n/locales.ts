export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/**
 * The language a request asked for (for routes and the proxy): its language cookie, else its
 * browser's Accept-Language, else Chinese.
 */
export function localeOf(request: Pick<Request, "headers">): Locale {
  return requestLocale(request.headers);
}

/** A language tag's locale here: any English is English, any Chinese is Simplified Chinese. */
function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" ? "en" : primary === "zh" ? "zh-CN" : null;
}

/**
 * The locale an `Accept-Language` header prefers (RFC 9110 §12.5.4): languages by weight, then by
 * order; the first one we have wins ("fr-FR, en;q=0.8" is English); none (or no header) is Chinese.
 */
export function preferredLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { locale: localeOfTag(tag), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.locale !== null && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.locale ?? DEFAULT_LOCALE;
}

const COOKIE = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

/** The language cookie's locale, or null when there is none (or it names no locale of ours). */
export function cookieLocale(cookieHeader: string | null | undefined): Locale | null {
  const value = COOKIE.exec(cookieHeader ?? "")?.[1];
  const decoded = value ? decodeURIComponent(value) : "";
  return (LOCALES as readonly string[]).includes(decoded) ? (decoded as Locale) : null;
}

/** The language of a request: its language cookie, else its browser's `Accept-Language`, else Chinese. */
export function requestLocale(headers: Pick<Headers, "get">): Locale {
  return cookieLocale(headers.get("cookie")) ?? preferredLocale(headers.get("accept-language"));
}
