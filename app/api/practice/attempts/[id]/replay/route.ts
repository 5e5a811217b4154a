import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { replayScenario } from "@/db/use-cases/replay-scenario";
import { handleRoute, readBody } from "@/lib/http/handle-route";

const stepId = z.string().min(1).max(80);
const answer = z.union([
  z.strictObject({ stepId, choiceId: z.string().max(20) }),
  z.strictObject({ stepId, text: z.string().max(2000) }),
  z.strictObject({ stepId, timeout: z.literal(true) }),
]);
const schema = z.strictObject({
  from: stepId,
  // A path never repeats a step, so it is no longer than the scenario (bounded by the validator).
  answers: z.array(answer).max(60),
  extendedTime: z.boolean().default(false),
});

type Params = { params: Promise<{ id: string }> };

/**
 * The next step of a practice replay of the learner's own finished attempt. Nothing is stored: the
 * body carries the replay's answers so far, and a replay can never become a scored attempt.
 */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const body = await readBody(request, schema, "bad_request:replay", 64 * 1024);
    return Response.json(await replayScenario({ user, attemptId: (await params).id, ...body }));
  });
}
