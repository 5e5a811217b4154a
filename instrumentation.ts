// Runs once when a server instance starts (Next.js instrumentation hook). With
// XAPI_FORWARD_INTERVAL_SECONDS > 0 (off by default) each instance also forwards queued xAPI
// statements to the LRS every N seconds; the database claims keep instances from sending the same one.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!(Number(process.env.XAPI_FORWARD_INTERVAL_SECONDS) > 0)) return;
  const { startForwardInterval } = await import("./db/xapi-forward");
  startForwardInterval();
}
