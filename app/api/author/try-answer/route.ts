import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { compileScenarioSource } from "@/lib/content/catalog";
import { AppError } from "@/lib/errors";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { nextAfterText } from "@/lib/scenario/engine";
import { gradeFreeText } from "@/lib/scenario/rubric";
import { MAX_SOURCE, tryAnswerSchema } from "../schema";

/**
 * 试一试: grades a trainer's sample answer to one free-text step of the draft they are editing, on
 * the server with the learners' grader, and says which elements matched on which words, what a
 * negation cancelled, which forbidden rules fired, and where the answer would lead. Trainer-only.
 */
export async function POST(request: Request) {
  return handleRoute(request, async () => {
    await requireApiUser("author");
    const { slug, locale, source, stepId, answer } = await readBody(
      request,
      tryAnswerSchema,
      "bad_request:try_answer",
      2 * MAX_SOURCE,
    );
    const compiled = compileScenarioSource(source, slug, locale, "draft");
    if (!("scenario" in compiled)) throw new AppError("unprocessable:draft");
    const step = compiled.scenario.steps[stepId];
    if (step?.kind !== "text") throw new AppError("not_found:step");
    const grade = gradeFreeText(step.rubric, answer);
    return Response.json({ grade, next: nextAfterText(step, grade.total) });
  });
}
