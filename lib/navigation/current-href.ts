import { LOCALES } from "@/lib/i18n/locales";

/**
 * Which of the header's links is the page at `pathname`: the link itself or the longest one the
 * path lies under (/reports/assign is inside /reports), never "/" for another page. The locale
 * segment a rewritten page may render with (/zh-CN/learn) is not part of the address.
 */
export function currentHref(pathname: string, hrefs: readonly string[]): string | undefined {
  const [, first, ...rest] = pathname.split("/");
  const path = LOCALES.includes(first as (typeof LOCALES)[number]) ? `/${rest.join("/")}` : pathname;
  const clean = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return hrefs
    .filter((h) => clean === h || (h !== "/" && clean.startsWith(`${h}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
