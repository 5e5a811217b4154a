// The worker thread of lib/content/check-pool.ts: checks trainer drafts (parse → validate → compile)
// so that however long one takes, the server's request thread stays free. Killed at the time budget.
import { parentPort } from "node:worker_threads";
import { checkItemWithPreview } from "./check-item";
import type { CheckJob, CheckReply } from "./check-pool";
import { newItemSource } from "./templates";

const port = parentPort;
if (!port) throw new Error("check-worker.ts runs as a worker thread only");

port.on("message", ({ id, item, scenarios, previewLocale }: CheckJob & { id: number }) => {
  let reply: CheckReply;
  try {
    reply = { id, ok: true, ...checkItemWithPreview(item, scenarios, previewLocale) };
  } catch (e) {
    // A stack overflow or a parser's internal error: the text is refused, the worker lives on.
    reply = { id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  port.postMessage(reply);
});

// The first check in a fresh thread runs unoptimised code several times slower: warm the pipeline
// up on the templates before taking jobs, so that start-up does not count against a job's budget.
for (const kind of ["chapter", "scenario"] as const) {
  for (let i = 0; i < 5; i++) {
    const slug = `warm-up-${i}`;
    const sources = { "zh-CN": newItemSource(kind, slug, 1) };
    checkItemWithPreview({ kind, slug, version: "draft", sources }, new Map(), "zh-CN");
  }
}
port.postMessage("ready");
