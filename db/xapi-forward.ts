import { env } from "../lib/env";
import { type ForwardOptions, type ForwardReport, forward } from "../lib/xapi/forwarder";
import { type LrsConfig, lrsAuthorization, postStatements } from "../lib/xapi/lrs-client";
import { type Db, db as defaultDb } from "./client";
import { outboxOf, pruneSent } from "./queries/xapi-outbox";

/** The LRS from LRS_URL and its credentials, or null when none is configured. */
export function lrsFromEnv(): LrsConfig | null {
  return env.LRS_URL ? { url: env.LRS_URL, authorization: lrsAuthorization(env) } : null;
}

/**
 * One forwarder run: sends what is due to the LRS (lib/xapi/forwarder.ts), then prunes statements
 * sent more than 30 days ago. Without an LRS it sends nothing and the statements stay queued.
 */
export async function forwardOutbox({
  db = defaultDb,
  lrs = lrsFromEnv(),
  ...options
}: { db?: Db; lrs?: LrsConfig | null } & Partial<Omit<ForwardOptions, "outbox" | "send">> = {}): Promise<
  (ForwardReport & { pruned: number }) | null
> {
  if (!lrs) return null;
  const report = await forward({
    outbox: outboxOf(db),
    send: (statements) => postStatements(lrs, statements),
    ...options,
  });
  return { ...report, pruned: await pruneSent({ db }) };
}

/**
 * XAPI_FORWARD_INTERVAL_SECONDS > 0: forwards from this process every N seconds as well, one run
 * at a time (the database claims keep several instances from sending the same statement).
 */
export function startForwardInterval(seconds = env.XAPI_FORWARD_INTERVAL_SECONDS): (() => void) | null {
  const lrs = lrsFromEnv();
  if (!seconds) return null;
  if (!lrs) {
    console.warn(
      "xapi:forward: XAPI_FORWARD_INTERVAL_SECONDS is set but LRS_URL is not; nothing is forwarded",
    );
    return null;
  }
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const report = await forwardOutbox({ lrs });
      if (report?.lastError) console.warn(`xapi:forward: ${report.stopped}: ${report.lastError}`);
    } catch (e) {
      console.error(`xapi:forward failed: ${e instanceof Error ? e.message : e}`);
    } finally {
      running = false;
    }
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
