import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { saveAnswers } from "@/db/use-cases/save-answers";
import { answersSchema } from "@/lib/assessment/answers-schema";
import { AppError } from "@/lib/errors";
import { handleRoute, readBody } from "@/lib/http/handle-route";

const idSchema = z.uuid();

/** Saves the answers of the learner's open check or exam so far (the whole set each time). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("not_found:attempt");
    const { answers } = await readBody(
      request,
      z.strictObject({ answers: answersSchema }),
      "bad_request:answers",
    );
    return Response.json(await saveAnswers({ user, attemptId: id.data, answers }));
  });
}
