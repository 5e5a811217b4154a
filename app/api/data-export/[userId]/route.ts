import { z } from "zod";
import { requireApiUser, toViewer } from "@/app/[locale]/(auth)/session";
import { exportPersonData } from "@/db/use-cases/export-person-data";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { mayExportPersonData } from "@/lib/my-data/access";

export const dynamic = "force-dynamic";

const UserId = z.string().min(1).max(64);

/**
 * A person's data as a zip (JSON and CSVs), streamed while it is read: for the person themselves
 * (from their profile) and for admins (from the person's page). Anyone else gets 403.
 */
export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  return handleRoute(request, async () => {
    const viewer = toViewer(await requireApiUser());
    const { userId } = await params;
    if (!mayExportPersonData(viewer, userId)) throw new AppError("forbidden:my_data");
    const parsed = UserId.safeParse(userId);
    if (!parsed.success) throw new AppError("not_found:person");
    const { body, fileName } = await exportPersonData({ viewer, userId: parsed.data });
    return new Response(body, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="my-data.zip"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "cache-control": "private, no-store",
      },
    });
  });
}
