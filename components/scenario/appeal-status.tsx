import { useFormatter, useTranslations } from "next-intl";
import { type AppealView, decisionOutcome } from "@/lib/scenario/appeal-state";
import { signedPoints } from "@/lib/scenario/points-display";

/** Where the learner's appeal against one answer stands: waiting for a trainer, or the decision and its reason. */
export function AppealStatus({
  appeal,
  competencies,
}: {
  appeal: AppealView;
  competencies: readonly { id: string; label: string }[];
}) {
  const t = useTranslations("practice.appeal");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const points = (p: Record<string, number>) =>
    competencies
      .filter((c) => c.id in p)
      .map((c) => `${c.label} ${signedPoints(p[c.id] ?? 0, { plus: false })}`)
      .join(" · ") || "0";
  if (appeal.status === "contested")
    return (
      <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
        {t("statusContested", { date: when(appeal.createdAt), comment: appeal.comment })}
      </p>
    );
  const after = appeal.pointsAfter ?? appeal.pointsBefore;
  return (
    <div className="mt-3 rounded border border-brand-100 bg-brand-50 p-2 text-sm">
      <p className="font-medium">
        {t("statusDecided", {
          decider: appeal.deciderName ?? "—",
          date: appeal.decidedAt ? when(appeal.decidedAt) : "—",
          outcome:
            decisionOutcome(appeal.pointsBefore, after) === "upheld"
              ? t("upheld")
              : t("changed", { before: points(appeal.pointsBefore), after: points(after) }),
        })}
      </p>
      {appeal.reason && <p>{t("reason", { reason: appeal.reason })}</p>}
      <p className="text-slate-600">{t("yourComment", { comment: appeal.comment })}</p>
    </div>
  );
}
