/** How long to wait after the n-th consecutive failure: doubling from `baseMs`, at most `maxMs`. */
export type Backoff = { baseMs: number; maxMs: number };

/** The whole queue, after the LRS could not be reached or answered with an error: 5 s, 10 s, 20 s … 15 min. */
export const QUEUE_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 15 * 60_000 };
/** One statement the LRS refused: 1 min, 2 min … 1 day (it waits for the LRS or the data to be fixed). */
export const STATEMENT_BACKOFF: Backoff = { baseMs: 60_000, maxMs: 24 * 60 * 60_000 };

/**
 * The wait after `failures` consecutive failures (1 = the first), with "equal jitter": between
 * half and all of the doubled delay, so forwarders on several machines do not retry in step.
 */
export function backoffMs(failures: number, { baseMs, maxMs }: Backoff, random: () => number = Math.random) {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const delay = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(delay / 2 + (random() * delay) / 2);
}
