import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import type { ReplaySummary as Summary } from "@/db/use-cases/replay-scenario";
import { signedPoints } from "@/lib/scenario/points-display";

/** The end of a practice replay: the ending reached and each step's feedback; nothing was counted. */
export function ReplaySummary({ summary, retryHref }: { summary: Summary; retryHref: string }) {
  const t = useTranslations("practice");
  return (
    <section aria-labelledby="replay-end" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4">
      <h2 id="replay-end" className="text-lg font-semibold">
        {t("replay.endTitle")}
      </h2>
      <p className="mt-1">{t("replay.notCounted")}</p>
      {summary.outcome && (
        <p className="mt-2">
          <span className="font-medium">{t("labelled", { label: t("result.outcome") })}</span>
          {summary.outcome}
        </p>
      )}
      {summary.debrief && <p className="mt-2">{summary.debrief}</p>}
      <ol className="mt-3 space-y-2" aria-label={t("replay.feedbackLabel")}>
        {summary.turns.map((turn, i) => (
          <li key={turn.stepId} className="rounded bg-white p-3 text-sm ring-1 ring-slate-200">
            <span className="font-medium">{t("replay.stepFeedback", { number: i + 1 })}</span>{" "}
            {turn.points.map((p) => `${p.label} ${signedPoints(p.points)}`).join(" · ")}
            <span className="mt-1 block">
              <span className="font-medium">
                {t("labelled", { label: t(turn.modelAnswer ? "result.modelAnswer" : "result.feedback") })}
              </span>
              {turn.feedback}
            </span>
          </li>
        ))}
      </ol>
      <p className="mt-4">
        <Link href={retryHref} className={buttonClass("primary")}>
          {t("replay.fullAttempt")}
        </Link>
      </p>
    </section>
  );
}
