import { cookies } from "next/headers";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { findCertificateIssuedAt, issuanceStatements } from "@/db/queries/certificates";
import { chapterAtVersion, getCatalog } from "@/db/queries/content-catalog";
import { recordCheckAttempt } from "@/db/queries/learning";
import { AppError } from "@/lib/errors";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { findAnswerProblem, scoreKnowledgeCheck } from "@/lib/training/score-check";
import { submissionSchema } from "./schema";

/** Scores a knowledge-check submission on the server and stores it once (the client id makes retries safe). */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const user = await requireApiUser("learn");
    const parsed = submissionSchema.safeParse(await readJson(request));
    if (!parsed.success)
      throw new AppError("bad_request:attempt", "Malformed submission / 提交内容格式不正确");
    const { attemptId, answers, version: seen } = parsed.data;

    const { slug } = await params;
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    if (!(await getCatalog()).findChapter(slug, locale))
      throw new AppError("not_found:chapter", "No such chapter / 章节不存在");
    const entry = await chapterAtVersion({ slug, locale, version: seen });
    if (!entry)
      throw new AppError(
        "conflict:content_version",
        "This chapter was updated; please reload the page / 本章内容已更新，请刷新页面后再作答",
      );
    if (!entry.result.ok)
      throw new AppError("unavailable:chapter", "This chapter is being fixed / 本章暂不可用");
    const { meta, questions, version } = entry.result.chapter;

    const problem = findAnswerProblem(questions, answers);
    if (problem) throw new AppError("bad_request:answers", problem);

    const result = scoreKnowledgeCheck(questions, answers, meta.passScore);
    const now = new Date();
    const issuing = await issuanceStatements({
      userId: user.id,
      next: { kind: "chapter", attemptId, slug, percent: result.percent, passed: result.passed },
      now,
    });
    const stored = await recordCheckAttempt({
      attempt: {
        id: attemptId,
        userId: user.id,
        moduleSlug: slug,
        contentVersion: version,
        locale: entry.locale,
        answers,
        score: result.score,
        maxScore: result.maxScore,
        percent: result.percent,
        passed: result.passed,
        createdAt: now,
      },
      alongside: issuing,
    });
    const certificate =
      issuing.length > 0 ? await findCertificateIssuedAt({ userId: user.id, at: now }) : null;
    // A retry gets the first stored outcome back, with feedback derived from the stored answers.
    const shown = scoreKnowledgeCheck(questions, stored.answers, meta.passScore);
    return Response.json({
      ...shown,
      attemptId,
      passScore: meta.passScore,
      score: stored.score,
      percent: stored.percent,
      passed: stored.passed,
      certificate: certificate && { code: certificate.code },
    });
  });
}
