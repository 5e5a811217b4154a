import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { closeExam } from "@/db/use-cases/close-exam";
import { examState } from "@/db/use-cases/exam-attempt";
import { submissionSchema } from "@/lib/assessment/answers-schema";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

type Params = { params: Promise<{ certification: string }> };

/**
 * Submits the learner's exam attempt. Before the deadline the answers sent are scored; after it,
 * only what was saved before the deadline. Returns the exam's state with this result as the last.
 */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const { attemptId, answers } = await readBody(request, submissionSchema, "bad_request:submission");
    const { certification } = await params;
    await closeExam({ user, certificationId: certification, attemptId, answers });
    return Response.json(
      await examState({ user, certificationId: certification, locale: localeOf(request) }),
    );
  });
}
