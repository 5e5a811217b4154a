import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { issuanceStatements } from "@/db/queries/certificates";
import { scenarioAtVersion } from "@/db/queries/content-catalog";
import { advanceScenarioAttempt, getScenarioAttempt, toCompletion } from "@/db/queries/practice";
import { AppError } from "@/lib/errors";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { type Answer, apply, publicStep, result } from "@/lib/scenario/engine";
import { isLate, timeAllowedMs } from "@/lib/scenario/timing";

const schema = z.union([
  z.strictObject({ stepId: z.string().max(80), choiceId: z.string().max(20) }),
  z.strictObject({ stepId: z.string().max(80), text: z.string().max(2000) }),
  z.strictObject({ stepId: z.string().max(80), timeout: z.literal(true) }),
]);

const MESSAGES = {
  ended: "This role-play has ended / 本次演练已结束",
  "wrong-answer-type": "This answer does not fit the step / 作答方式与当前步骤不符",
  "unknown-choice": "No such choice / 没有这个选项",
  "empty-text": "Please type what you would say / 请输入您要说的话",
} as const;

/**
 * Answers the attempt's current step. The server checks it is the current step (no skipping or
 * replaying), measures the time itself, applies the answer and stores it with a version guard.
 * Points and feedback stay on the server until the attempt ends.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const user = await requireApiUser("learn");
    const parsed = schema.safeParse(await readJson(request, 8 * 1024));
    if (!parsed.success) throw new AppError("bad_request:answer", "Malformed answer / 作答格式不正确");
    const body = parsed.data;
    const { id } = await params;
    const attempt = await getScenarioAttempt({ id, userId: user.id });
    if (!attempt) throw new AppError("not_found:attempt", "No such attempt / 找不到这次演练");
    if (attempt.status !== "active") throw new AppError("conflict:attempt", MESSAGES.ended);
    if (body.stepId !== attempt.state.stepId) {
      throw new AppError(
        "conflict:step",
        "This step is not the current one / 该步骤不是当前步骤，不能跳过或重复作答",
      );
    }
    const found = await scenarioAtVersion({
      slug: attempt.scenarioSlug,
      locale: attempt.locale,
      version: attempt.contentVersion,
    });
    if (!found?.scenario.steps[attempt.state.stepId]) {
      throw new AppError(
        "conflict:attempt",
        "The scenario has changed; please start again / 情景内容已更新，请重新开始",
      );
    }
    const { scenario } = found;

    const now = Date.now();
    const step = publicStep(scenario, attempt.state.stepId);
    let answer: Answer =
      "choiceId" in body
        ? { type: "choice", choiceId: body.choiceId }
        : "text" in body
          ? { type: "text", text: body.text }
          : { type: "timeout" };
    if (
      answer.type === "choice" &&
      isLate(attempt.stepStartedAt, now, timeAllowedMs(step.timeLimit, attempt.extendedTime))
    ) {
      answer = { type: "timeout" };
    }
    const applied = apply(scenario, attempt.state, answer);
    if ("error" in applied) throw new AppError("bad_request:answer", MESSAGES[applied.error]);
    const state = applied.state;
    const r = state.ended ? result(scenario, state) : null;
    const completion = r ? toCompletion(r) : null;
    const alongside = completion
      ? await issuanceStatements({
          userId: user.id,
          next: {
            kind: "scenario",
            attemptId: attempt.id,
            version: attempt.version + 1,
            slug: attempt.scenarioSlug,
            percent: completion.percent,
          },
          now: new Date(now),
        })
      : [];
    const stored = await advanceScenarioAttempt({
      id: attempt.id,
      userId: attempt.userId,
      scenarioSlug: attempt.scenarioSlug,
      version: attempt.version,
      state,
      now,
      completion,
      alongside,
    });
    if (!stored) throw new AppError("conflict:step", "This step was already answered / 该步骤已作答");

    if (state.ended) {
      return Response.json({
        ended: true,
        mood: state.mood,
        resultUrl: `/practice/${attempt.scenarioSlug}/result/${attempt.id}`,
      });
    }
    const next = publicStep(scenario, state.stepId);
    return Response.json({
      ended: false,
      mood: state.mood,
      timedOut: answer.type === "timeout",
      step: next,
      timeAllowedMs: timeAllowedMs(next.timeLimit, attempt.extendedTime),
    });
  });
}
