import { cookies } from "next/headers";
import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { getCatalog } from "@/db/queries/content-catalog";
import { createScenarioAttempt } from "@/db/queries/practice";
import { AppError } from "@/lib/errors";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { publicStep, start } from "@/lib/scenario/engine";
import { timeAllowedMs } from "@/lib/scenario/timing";

const schema = z.strictObject({ extendedTime: z.boolean().default(false) });

/** Starts a role-play: the server creates and holds the attempt and returns only the first step's words. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const user = await requireApiUser("learn");
    const parsed = schema.safeParse(await readJson(request, 1024));
    if (!parsed.success) throw new AppError("bad_request:practice", "Malformed request / 请求格式不正确");
    const { slug } = await params;
    const found = (await getCatalog()).findScenario(
      slug,
      toLocale((await cookies()).get(LOCALE_COOKIE)?.value),
    );
    if (!found) throw new AppError("not_found:scenario", "No such scenario / 情景不存在");
    const state = start(found.scenario);
    const attempt = await createScenarioAttempt({
      userId: user.id,
      scenarioSlug: slug,
      contentVersion: found.version,
      locale: found.locale,
      state,
      extendedTime: parsed.data.extendedTime,
      now: Date.now(),
    });
    const step = publicStep(found.scenario, state.stepId);
    return Response.json({
      attemptId: attempt.id,
      mood: state.mood,
      step,
      timeAllowedMs: timeAllowedMs(step.timeLimit, attempt.extendedTime),
    });
  });
}
