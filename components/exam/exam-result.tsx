"use client";

import { useTranslations } from "next-intl";
import { ReviewView } from "@/components/assessment/review-view";
import type { ExamState, Wire } from "@/lib/assessment/views";

/**
 * The latest exam result: the score, the pass mark, the score per chapter and which questions
 * were wrong with a link to each one's section; never a key, even on a pass.
 */
export function ExamResult({
  state,
  headingRef,
}: {
  state: Wire<ExamState>;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const t = useTranslations("exam");
  const last = state.last;
  if (!last) return null;
  const { review } = last;
  const title = new Map(state.chapters.map((c) => [c.slug, c.title]));
  return (
    <section
      aria-labelledby="exam-result"
      className={`rounded-lg border-l-4 p-4 ${review.passed ? "border-emerald-600 bg-emerald-50" : "border-amber-600 bg-amber-50"}`}
    >
      <h2 id="exam-result" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        {t("resultTitle", { percent: review.percent })}
      </h2>
      <p className="mt-1">{review.passed ? t("passed") : t("failed", { passScore: last.passScore })}</p>
      {last.reason === "deadline" && <p className="mt-1 text-sm text-slate-700">{t("byDeadline")}</p>}
      {last.certificate && (
        <p className="mt-2 font-medium text-emerald-900">
          {t("certificate", { code: last.certificate.code })}{" "}
          <a href="/" className="underline">
            {t("certificateLink")}
          </a>
        </p>
      )}
      {review.shows !== "score" && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-72 border-collapse text-left text-sm">
            <caption className="mb-1 text-left font-semibold">{t("breakdown")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  {t("chapter")}
                </th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                  {t("points")}
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  {t("percent")}
                </th>
              </tr>
            </thead>
            <tbody>
              {review.chapters.map((c) => (
                <tr key={c.slug} className="border-b border-slate-200">
                  <th scope="row" className="py-1.5 pr-3 font-normal">
                    {title.get(c.slug) ?? c.slug}
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {Math.round(c.score * 100) / 100} / {c.maxScore}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{c.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ReviewView review={review} inPage={false} />
    </section>
  );
}
