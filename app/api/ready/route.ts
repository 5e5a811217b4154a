import { pingDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;

/**
 * Readiness: a query reaches the database within 2 s, else 503 so a load balancer sends traffic to
 * another instance. server.ts answers 503 itself while the instance drains.
 */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([pingDatabase(), timeout]);
    return Response.json({ status: "ready" }, { headers });
  } catch (e) {
    console.error("readiness check failed:", e);
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
}
