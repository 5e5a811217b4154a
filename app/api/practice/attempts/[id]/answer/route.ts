import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { answerScenarioStep } from "@/db/use-cases/answer-scenario-step";
import { handleRoute, readBody } from "@/lib/http/handle-route";

const schema = z.union([
  z.strictObject({ stepId: z.string().max(80), choiceId: z.string().max(20) }),
  z.strictObject({ stepId: z.string().max(80), text: z.string().max(2000) }),
  z.strictObject({ stepId: z.string().max(80), timeout: z.literal(true) }),
]);

type Params = { params: Promise<{ id: string }> };

/** Answers the attempt's current step; the server measures the time and holds the points. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const answer = await readBody(request, schema, "bad_request:answer", 8 * 1024);
    return Response.json(await answerScenarioStep({ user, attemptId: (await params).id, answer }));
  });
}
