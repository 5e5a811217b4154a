"use client";

import { useTranslations } from "next-intl";
import type { ShownReview, Wire } from "@/lib/assessment/views";

type Place = { slug: string; section: number | null; chapterTitle: string; sectionTitle: string | null };

/** The link back to a question's section: on this page (`#s-N`) or in its chapter. */
function SectionLink({ q, inPage }: { q: Place; inPage: boolean }) {
  const t = useTranslations("learn.check");
  if (q.section === null) return null;
  const title = q.sectionTitle ?? "";
  return (
    <a
      href={inPage ? `#s-${q.section}` : `/learn/${q.slug}#s-${q.section}`}
      className="text-sm font-medium text-brand-700 underline"
    >
      {inPage
        ? t("reread", { n: q.section, title })
        : t("rereadChapter", { chapter: q.chapterTitle, n: q.section, title })}
    </a>
  );
}

/**
 * What a closed attempt may show, exactly as the server sent it: which questions were wrong with
 * their sections (never an option), or everything with the key and feedback, or nothing more than
 * the score. `inPage`: the sections are on this page (a chapter's own check).
 */
export function ReviewView({ review, inPage }: { review: Wire<ShownReview>; inPage: boolean }) {
  const t = useTranslations("learn.check");
  if (review.shows === "score") return <p className="text-sm text-slate-700">{t("scoreOnly")}</p>;
  if (review.shows === "wrong")
    return (
      <section aria-labelledby="wrong-title" className="mt-4">
        <h4 id="wrong-title" className="font-semibold">
          {t("wrongTitle")}
        </h4>
        {review.wrong.length === 0 ? (
          <p className="mt-1 text-sm">{t("allRight")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700">{t("wrongIntro")}</p>
            <ol className="mt-2 space-y-2">
              {review.wrong.map((q) => (
                <li key={q.key} className="rounded-md border border-slate-200 bg-white p-3">
                  <p>{q.prompt}</p>
                  <SectionLink q={q} inPage={inPage} />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    );
  return (
    <ol className="mt-4 space-y-3">
      {review.questions.map((q, i) => (
        <li key={q.key} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="font-medium">
            {i + 1}. {q.prompt}
          </p>
          <p
            className={`mt-1 text-sm font-medium ${q.correct ? "text-emerald-800" : q.points > 0 ? "text-amber-900" : "text-red-800"}`}
          >
            {q.correct
              ? `✓ ${t("questionCorrect")}`
              : q.points > 0
                ? `◐ ${t("questionPartial")}`
                : `✗ ${t("questionWrong")}`}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {q.options.map((o) => (
              <li key={o.token} className={o.correct ? "font-medium text-emerald-900" : ""}>
                {o.text}
                {o.picked && (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{t("yourAnswer")}</span>
                )}
                {o.correct && (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">
                    {t("correctAnswer")}
                  </span>
                )}
                {(o.picked || o.correct) && o.feedback && (
                  <span className="block font-normal text-slate-700">— {o.feedback}</span>
                )}
              </li>
            ))}
          </ul>
          {!q.correct && <SectionLink q={q} inPage={inPage} />}
        </li>
      ))}
    </ol>
  );
}
