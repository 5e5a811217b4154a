import { findCertificateForVerify } from "@/db/queries/certificates";
import { codeFromPath } from "@/lib/certification/verification-code";
import { verifyView } from "@/lib/certification/verify-view";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

/**
 * Public, for HR systems: the certificate a code names, as JSON, with the verify page's masking.
 * 404 for an unknown or malformed code; proxy.ts counts every look-up against the client
 * address's limit (VERIFY_RATE_LIMIT) and answers 429 past it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return handleRoute(request, async () => {
    const code = codeFromPath((await params).code);
    const found = code ? await findCertificateForVerify({ code }) : undefined;
    const view = found ? verifyView(found, new Date()) : null;
    if (!code || !view) throw new AppError("not_found:certificate");
    return Response.json({ code, ...view }, { headers: { "Cache-Control": "no-store" } });
  });
}
