import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { examState, startExam } from "@/db/use-cases/exam-attempt";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ certification: string }> };
const noStore = { headers: { "cache-control": "private, no-store" } };

/**
 * The certification exam for the signed-in learner: rules, eligibility, the open attempt with the
 * time left, the last result. An attempt past its deadline is closed here with what was saved.
 */
export async function GET(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const { certification } = await params;
    return Response.json(
      await examState({ user, certificationId: certification, locale: localeOf(request) }),
      noStore,
    );
  });
}

/** Starts the exam when the learner may, or resumes the open attempt. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    await readBody(request, z.strictObject({}), "bad_request:body");
    const { certification } = await params;
    return Response.json(
      await startExam({ user, certificationId: certification, locale: localeOf(request) }),
      noStore,
    );
  });
}
