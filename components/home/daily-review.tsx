"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { QuestionFieldset } from "@/components/assessment/question-fieldset";
import { DAILY_REVIEW_SIZE } from "@/lib/assessment/leitner";
import type { DailyReviewState, ReviewFeedback, Wire } from "@/lib/assessment/views";
import { formatDate } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";

type State = Wire<DailyReviewState>;
type Feedback = Wire<ReviewFeedback>;

function day(iso: string, locale: string) {
  return formatDate(iso, toLocale(locale));
}

/** One answered question: right or wrong, every option with the key and feedback, and when it comes back. */
function Answered({ feedback }: { feedback: Feedback }) {
  const t = useTranslations("dailyReview");
  const tc = useTranslations("learn.check");
  const locale = useLocale();
  const q = feedback.question;
  return (
    <div className="mt-3 border-t border-slate-200 pt-3 text-sm">
      <p className={`font-medium ${q.correct ? "text-emerald-800" : "text-red-800"}`}>
        {q.correct ? t("right") : t("wrong")}
      </p>
      <ul className="mt-1 space-y-1">
        {q.options
          .filter((o) => o.picked || o.correct)
          .map((o) => (
            <li key={o.token}>
              <span className={o.correct ? "font-medium text-emerald-900" : ""}>{o.text}</span>
              {o.picked && (
                <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{tc("yourAnswer")}</span>
              )}
              {o.correct && (
                <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">
                  {tc("correctAnswer")}
                </span>
              )}
              {o.feedback && <span className="block text-slate-700">— {o.feedback}</span>}
            </li>
          ))}
      </ul>
      {q.section !== null && (
        <a href={`/learn/${q.slug}#s-${q.section}`} className="mt-1 inline-block text-brand-700 underline">
          {tc("rereadChapter", { chapter: q.chapterTitle, n: q.section, title: q.sectionTitle ?? "" })}
        </a>
      )}
      {feedback.nextDueAt ? (
        <p className="mt-1 text-slate-600">{t("nextIn", { date: day(feedback.nextDueAt, locale) })}</p>
      ) : (
        q.correct && <p className="mt-1 text-slate-600">{t("leaves")}</p>
      )}
    </div>
  );
}

/**
 * 每日复习 on the learner home: up to five questions from the learner's notebook that are due,
 * each answered on its own and scored on the server, with full feedback at once.
 */
export function DailyReview() {
  const t = useTranslations("dailyReview");
  const locale = useLocale();
  const [state, setState] = useState<State | null>(null);
  const [picks, setPicks] = useState<Record<string, string[]>>({});
  const [fresh, setFresh] = useState<Record<string, Feedback>>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await fetch("/api/review", { cache: "no-store" });
    if (response.ok) setState((await response.json()) as State);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function post(path: string, body: unknown) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) setMessage(String(json.message ?? response.status));
    return response.ok ? json : null;
  }

  async function start() {
    setPending("start");
    setMessage("");
    const next = (await post("/api/review", {})) as State | null;
    if (next) setState(next);
    else await load();
    setPending(null);
  }

  async function check(attemptId: string, key: string) {
    const tokens = picks[key] ?? [];
    if (tokens.length === 0) return;
    setPending(key);
    setMessage("");
    const feedback = (await post(`/api/review/${attemptId}/answer`, { key, tokens })) as
      | (Feedback & { done: boolean })
      | null;
    if (feedback) setFresh((prev) => ({ ...prev, [key]: feedback }));
    setPending(null);
  }

  if (!state) return null;
  const open = state.open;
  const answered = { ...(open?.answered ?? {}), ...fresh };
  const done = open ? open.items.filter((i) => answered[i.key]).length : 0;

  return (
    <section
      aria-labelledby="daily-review-title"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="daily-review-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {open ? (
        <div className="mt-3 space-y-4">
          <p className="text-sm font-medium" role="status">
            {done === open.items.length ? t("finished") : t("progress", { done, total: open.items.length })}
          </p>
          {open.items.map((item, i) => {
            const feedback = answered[item.key];
            return (
              <QuestionFieldset
                key={item.key}
                item={item}
                number={i + 1}
                picked={picks[item.key] ?? []}
                disabled={feedback !== undefined || pending === item.key}
                onChange={(tokens) => setPicks((prev) => ({ ...prev, [item.key]: tokens }))}
              >
                {feedback ? (
                  <div aria-live="polite">
                    <Answered feedback={feedback} />
                  </div>
                ) : (
                  <button
                    type="button"
                    onClick={() => check(open.attemptId, item.key)}
                    aria-disabled={!picks[item.key]?.length || pending === item.key}
                    className="mt-3 min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 aria-disabled:opacity-60"
                  >
                    {t("check")}
                  </button>
                )}
              </QuestionFieldset>
            );
          })}
        </div>
      ) : state.doneToday && state.finished ? (
        <p className="mt-3 font-medium">{t("doneToday", state.finished)}</p>
      ) : state.due > 0 ? (
        <div className="mt-3">
          <p className="font-medium">
            {t("due", { count: state.due })} {t("upTo", { count: DAILY_REVIEW_SIZE })}
          </p>
          <button
            type="button"
            onClick={start}
            aria-disabled={pending !== null}
            className="mt-2 min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 aria-disabled:opacity-60"
          >
            {pending === "start" ? t("starting") : t("start")}
          </button>
        </div>
      ) : state.nextDueAt ? (
        <p className="mt-3 text-sm">
          {t("none")} {t("nextDue", { date: day(state.nextDueAt, locale), count: state.waiting })}
        </p>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t("empty")}</p>
      )}
      <p role="alert" className="mt-2 text-red-800 empty:hidden">
        {message}
      </p>
    </section>
  );
}
