"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ExamState, Wire } from "@/lib/assessment/views";

/** Beijing date and time, as the bank's schedules are read. */
export function bankDateTime(iso: string, locale: string) {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: "Asia/Shanghai",
  }).format(new Date(iso));
}

/** The exam's rules and whether the learner may start it now, with the start button when they may. */
export function ExamStart({
  state,
  pending,
  onStart,
}: {
  state: Wire<ExamState>;
  pending: boolean;
  onStart: () => void;
}) {
  const t = useTranslations("exam");
  const locale = useLocale();
  const { rules, eligibility } = state;
  const minutes = Math.round(rules.timeLimitMinutes * 10) / 10;
  let status: React.ReactNode = null;
  if (eligibility?.may) status = t(`may.${eligibility.kind}`);
  else if (eligibility?.reason === "requirements")
    status = (
      <>
        {t("requirements", { count: eligibility.missing.length })}{" "}
        <a href="/#certification" className="text-brand-700 underline">
          {t("requirementsLink")}
        </a>
      </>
    );
  else if (eligibility?.reason === "retake-wait")
    status = t("retakeWait", { time: bankDateTime(eligibility.opensAt, locale) });
  else if (eligibility?.reason === "already-certified") status = t("alreadyCertified");
  else if (eligibility?.reason === "revoked") status = t("revoked");
  return (
    <div className="space-y-4">
      <section
        aria-labelledby="exam-rules"
        className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
      >
        <h2 id="exam-rules" className="text-base font-semibold text-slate-900">
          {t("rulesTitle")}
        </h2>
        <p className="mt-1">
          {t("rules", { questions: rules.questions, minutes, passScore: rules.passScore })}
        </p>
        <p>{t("rulesRetake", { hours: rules.retakeAfterHours })}</p>
        <p>{t("rulesReview")}</p>
      </section>
      <p className="font-medium" role="status">
        {status}
      </p>
      {eligibility?.may && (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">{t("confirmStart", { minutes })}</p>
          <button
            type="button"
            onClick={onStart}
            aria-disabled={pending}
            className="min-h-11 rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 aria-disabled:opacity-60"
          >
            {pending ? t("starting") : t("start")}
          </button>
        </div>
      )}
    </div>
  );
}
