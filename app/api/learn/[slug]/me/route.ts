import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { getCatalog } from "@/db/queries/content-catalog";
import { getChapterStandings, getReadingProgress, listCheckAttempts } from "@/db/queries/learning";
import { unreadCount } from "@/db/queries/notifications";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

/** The signed-in learner's side of a prerendered chapter page: who they are, status, progress, attempts. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const { slug } = await params;
    if (!(await getCatalog()).findChapter(slug, "zh-CN")) throw new AppError("not_found:chapter");
    const [standings, progress, attempts, unread] = await Promise.all([
      getChapterStandings({ userId: user.id }),
      getReadingProgress({ userId: user.id, moduleSlug: slug }),
      listCheckAttempts({ userId: user.id, moduleSlug: slug }),
      unreadCount({ userId: user.id }),
    ]);
    const standing = standings.get(slug);
    return Response.json(
      {
        user: {
          name: user.name,
          role: user.role,
          branchName: user.branchName,
          branchNameEn: user.branchNameEn,
        },
        passed: standing?.passed ?? false,
        relearn: standing?.relearn ?? false,
        started: standing?.started ?? false,
        bestPercent: standing?.bestPercent ?? null,
        sectionIndex: progress?.sectionIndex ?? -1,
        attempts,
        unread,
      },
      { headers: { "cache-control": "private, no-store" } },
    );
  });
}
