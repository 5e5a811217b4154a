/** Certificate look-ups by code (the verify page and GET /api/verify/<code>) per client address. */
export const VERIFY_RATE_LIMIT = { limit: 30, windowMs: 10 * 60_000 };
