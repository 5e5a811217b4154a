/**
 * Request headers only proxy.ts sets (it drops any a client sends): next.config.mjs serves the 403
 * page for a request marked denied, and the verify page says "try again later" for one marked
 * limited (the proxy has already answered it with 429). Every page request carries the language the
 * proxy negotiated (lib/i18n/locales.ts requestLocale), from which next.config.mjs picks the locale segment.
 */
export const DENIED_HEADER = "x-training-denied";
export const VERIFY_LIMITED_HEADER = "x-training-verify-limited";
export const LOCALE_HEADER = "x-training-locale";
export const PROXY_MARKERS = [DENIED_HEADER, VERIFY_LIMITED_HEADER, LOCALE_HEADER] as const;
