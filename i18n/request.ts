import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { requestLocale as localeOfRequest, toLocale } from "@/lib/i18n/locales";

export default getRequestConfig(async ({ requestLocale }) => {
  // Pages get the locale from the [locale] segment; route handlers and actions read the cookie, else
  // the browser's languages (proxy.ts passes the negotiated cookie on, this is the same rule).
  const locale = toLocale((await requestLocale) ?? localeOfRequest(await headers()));
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: "Asia/Shanghai",
  };
});
