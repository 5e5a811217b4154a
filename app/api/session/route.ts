import { auth } from "@/app/[locale]/(auth)/auth";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { handleRoute } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * How long the session has left without another request, for the idle warning. proxy.ts does not
 * count this GET as activity, so asking does not keep a session alive.
 */
export async function GET(request: Request) {
  return handleRoute(request, async () => {
    await requireApiUser();
    const session = await auth();
    const remainingMs = Math.max(0, (session?.endsAt ?? 0) - Date.now());
    return Response.json({ remainingMs, warnBeforeMs: SESSION_TIMING.warnBeforeMs }, { headers: noStore });
  });
}

/** "Stay signed in": a request like any other, so proxy.ts has refreshed the session's last-seen time. */
export async function POST(request: Request) {
  return handleRoute(request, async () => {
    await requireApiUser();
    const session = await auth();
    const remainingMs = Math.max(
      0,
      Math.min(SESSION_TIMING.idleMs, (session?.lifetimeEndsAt ?? 0) - Date.now()),
    );
    return Response.json({ remainingMs, warnBeforeMs: SESSION_TIMING.warnBeforeMs }, { headers: noStore });
  });
}
