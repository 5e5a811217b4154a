import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Locale } from "@/lib/i18n/locales";
import type { ScenarioEntry } from "./catalog";
import type { DraftPreview, ItemIssues } from "./check-item";
import type { ContentSource } from "./sources";

export type CheckJob = { item: ContentSource; scenarios: Map<string, ScenarioEntry>; previewLocale?: Locale };
export type CheckReply =
  | { id: number; ok: true; issues: ItemIssues; preview: DraftPreview | null }
  | { id: number; ok: false; error: string };
export type CheckOutcome =
  | { status: "done"; issues: ItemIssues; preview: DraftPreview | null }
  | { status: "timeout" | "crashed" | "busy" };

/** Workers per process: at most two, leaving a core for the request thread on small machines. */
const SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));
/** Jobs waiting for a worker beyond this are refused as busy rather than queued without end. */
const MAX_WAITING = 32;
/** A worker must load the content pipeline within this, or it is given up. */
const START_MS = 30_000;
/** Heap per worker: a text whose tree would need more is stopped, not the server. */
const HEAP_MB = 256;

type Waiting = { job: CheckJob; budgetMs: number; resolve: (outcome: CheckOutcome) => void };
type Slot = { worker: Worker; ready: boolean; job: (Waiting & { id: number; timer: NodeJS.Timeout }) | null };

const slots: Slot[] = [];
const waiting: Waiting[] = [];
let nextId = 1;

/**
 * Outside Next (tsx scripts, vitest) the worker is TypeScript source: Node 20 does not pass tsx's
 * loader on to worker threads, so a small bootstrap registers it and then imports the worker.
 */
const TS_BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(require("node:worker_threads").workerData.entry); })`;

function newWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: HEAP_MB };
  if (process.env.NEXT_RUNTIME) {
    // The form Next's bundler follows: the worker is built with the server and found after `next build`.
    return new Worker(new URL("./check-worker.ts", import.meta.url), { resourceLimits });
  }
  // (Not `new URL(…)` again: the bundler would copy the source file as an asset.)
  const entry = import.meta.url.replace(/check-pool\.ts$/, "check-worker.ts");
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { entry }, resourceLimits });
}

function spawn(): Slot {
  const worker = newWorker();
  const slot: Slot = { worker, ready: false, job: null };
  const startTimer = setTimeout(() => end(slot, "crashed"), START_MS);
  startTimer.unref();
  worker.on("message", (message: CheckReply | "ready") => {
    if (message === "ready") {
      clearTimeout(startTimer);
      slot.ready = true;
      pump();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    clearTimeout(job.timer);
    slot.job = null;
    // An idle worker does not keep the process alive (a script may end while it waits for jobs).
    worker.unref();
    job.resolve(
      message.ok
        ? { status: "done", issues: message.issues, preview: message.preview }
        : { status: "crashed" },
    );
    pump();
  });
  worker.on("error", (e) => {
    console.error("content check worker failed:", e);
    end(slot, "crashed");
  });
  worker.on("exit", () => end(slot, "crashed"));
  slots.push(slot);
  return slot;
}

/** Stops a worker (at the budget, or when it failed), answers its job and lets a fresh one start. */
function end(slot: Slot, status: "timeout" | "crashed") {
  const at = slots.indexOf(slot);
  if (at < 0) return;
  slots.splice(at, 1);
  const job = slot.job;
  slot.job = null;
  if (job) {
    clearTimeout(job.timer);
    job.resolve({ status });
  }
  slot.worker.terminate().catch(() => {});
  // A worker that cannot even start would fail again: answer the waiting jobs instead of retrying.
  if (!slot.ready) for (const w of waiting.splice(0)) w.resolve({ status: "crashed" });
  pump();
}

function pump() {
  while (waiting.length > 0) {
    const slot = slots.find((s) => s.ready && !s.job);
    if (!slot) {
      if (slots.length < SIZE) spawn();
      return;
    }
    const next = waiting.shift() as Waiting;
    const id = nextId++;
    const timer = setTimeout(() => end(slot, "timeout"), next.budgetMs);
    slot.job = { ...next, id, timer };
    slot.worker.ref();
    slot.worker.postMessage({ id, ...next.job });
  }
}

/** Starts a worker if none is running, so that its start-up overlaps whatever the caller does next. */
export function prepareWorker() {
  if (slots.length === 0) spawn();
}

/**
 * Runs one check in a worker thread, stopped (the worker killed) when it takes longer than
 * `budgetMs` from the moment a worker takes it up. The request thread only waits.
 */
export function runCheck(job: CheckJob, budgetMs: number): Promise<CheckOutcome> {
  if (waiting.length >= MAX_WAITING) return Promise.resolve({ status: "busy" });
  return new Promise((resolve) => {
    waiting.push({ job, budgetMs, resolve });
    pump();
  });
}
