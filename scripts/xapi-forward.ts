// npm run xapi:forward [-- --batch-size 100 --max-seconds 50] — sends the queued xAPI statements to
// LRS_URL in order and exits; prints one JSON line. Safe to run as often as cron likes, and two
// at once: statements are claimed in the database before they are sent. Exit code 1 when the LRS
// could not be reached or refused a statement (they stay queued and are retried with backoff).
import { parseArgs } from "node:util";
import { forwardOutbox, lrsFromEnv } from "../db/xapi-forward";

const { values } = parseArgs({
  options: { "batch-size": { type: "string" }, "max-seconds": { type: "string" } },
});
const batchSize = Number(values["batch-size"] ?? 100);
const maxSeconds = Number(values["max-seconds"] ?? 50);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000 || !(maxSeconds > 0)) {
  console.error("xapi:forward: --batch-size must be 1–1000 and --max-seconds above 0");
  process.exit(2);
}

if (!lrsFromEnv()) {
  console.log(JSON.stringify({ stopped: "no-lrs", message: "LRS_URL is not set; statements stay queued" }));
} else {
  const report = await forwardOutbox({ batchSize, maxMs: maxSeconds * 1000 });
  console.log(JSON.stringify(report));
  if (report && (report.stopped === "unavailable" || report.rejected > 0)) process.exitCode = 1;
}
