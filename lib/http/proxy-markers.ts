/**
 * Request headers only proxy.ts sets (it drops any a client sends): next.config.mjs serves the 403
 * page for a request marked denied, and the verify page says "try again later" for one marked
 * limited (the proxy has already answered it with 429).
 */
export const DENIED_HEADER = "x-training-denied";
export const VERIFY_LIMITED_HEADER = "x-training-verify-limited";
export const PROXY_MARKERS = [DENIED_HEADER, VERIFY_LIMITED_HEADER] as const;
