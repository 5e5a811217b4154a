export const dynamic = "force-dynamic";

/** Liveness: the process answers. It does not touch the database (that is /api/ready). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
