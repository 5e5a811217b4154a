"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { AvailabilityText, useNow } from "@/components/assessment/availability-text";
import { QuestionFieldset } from "@/components/assessment/question-fieldset";
import { ReviewView } from "@/components/assessment/review-view";
import { useAutosave } from "@/components/assessment/use-autosave";
import type { CheckResultView, CheckState, CheckSubmitted, Wire } from "@/lib/assessment/views";
import { useChapterState } from "./chapter-state";

type Answers = Record<string, string[]>;
type State = Wire<CheckState>;

/**
 * The chapter's knowledge check. The page carries none of the pool: this asks the server for the
 * learner's attempt (drawn there, resumed after a reload), saves the answers as they go, and shows
 * the result exactly as far as the chapter's review mode lets the server send it.
 */
export function KnowledgeCheck({ slug }: { slug: string }) {
  const t = useTranslations("learn.check");
  const { reload: reloadChapter } = useChapterState();
  const [state, setState] = useState<State | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<Wire<CheckSubmitted> | null>(null);
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const now = useNow();
  const base = `/api/learn/${encodeURIComponent(slug)}`;

  const show = useCallback((next: State) => {
    setState(next);
    setAnswers(next.open?.saved ?? {});
  }, []);

  const load = useCallback(async () => {
    const response = await fetch(`${base}/check`, { cache: "no-store" });
    if (response.status === 401) window.location.assign("/login");
    else if (response.ok) show((await response.json()) as State);
  }, [base, show]);

  useEffect(() => {
    load().catch(() => setMessage(t("network")));
  }, [load, t]);

  const open = state?.open ?? null;
  const autosave = useAutosave(open?.attemptId ?? null, { onRefused: () => void load() });

  // When the wait after a failed attempt is over, ask again so the start button appears.
  const availability = state?.availability;
  useEffect(() => {
    if (availability && !availability.canStart && new Date(availability.opensAt).getTime() <= now)
      void load();
  }, [availability, now, load]);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function send(path: string, body: unknown) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) setMessage(t("error", { message: String(json.message ?? response.status) }));
    return response.ok ? json : null;
  }

  async function start() {
    if (pending) return;
    setPending(true);
    setMessage("");
    try {
      const next = (await send(`${base}/check`, {})) as State | null;
      if (next) {
        setResult(null);
        show(next);
      } else await load();
    } catch {
      setMessage(t("network"));
    } finally {
      setPending(false);
    }
  }

  function choose(key: string, tokens: string[]) {
    const next = { ...answers, [key]: tokens };
    setAnswers(next);
    autosave.save(next);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending || !open || !state) return;
    const missing = open.items.filter((i) => !answers[i.key]?.length).length;
    if (missing > 0) {
      setMessage(t("unanswered", { count: missing }));
      return;
    }
    setPending(true);
    setMessage("");
    try {
      const done = (await send(`${base}/attempts`, {
        attemptId: open.attemptId,
        answers,
      })) as Wire<CheckSubmitted> | null;
      if (done) {
        setResult(done);
        setState({ ...state, open: null, availability: done.availability, last: done });
        reloadChapter().catch(() => {});
      }
    } catch {
      setMessage(t("network"));
    } finally {
      setPending(false);
    }
  }

  if (!state) return <p className="text-slate-600">{message || t("loading")}</p>;
  const { policy } = state;
  const shown: Wire<CheckResultView> | null = result ?? state.last;
  const done = open ? open.items.filter((i) => answers[i.key]?.length).length : 0;

  return (
    <div className="space-y-5">
      <div className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
        <h3 className="font-medium text-slate-900">{t("policyTitle")}</h3>
        <p className="mt-1">{t("policyDraw", { draw: policy.draw, passScore: policy.passScore })}</p>
        <p>{t("policyLimits", { perDay: policy.attemptsPerDay, cooldown: policy.cooldownMinutes })}</p>
        <p>{t(`reviewMode.${policy.review}`)}</p>
      </div>

      <div aria-live="polite">
        {!open && shown && (
          <div
            className={`rounded-lg border-l-4 p-4 ${shown.review.passed ? "border-emerald-600 bg-emerald-50" : "border-amber-600 bg-amber-50"}`}
          >
            <h3 ref={resultHeading} tabIndex={-1} className="text-lg font-semibold">
              {t("resultTitle")}: {t("score", { percent: shown.review.percent })}
            </h3>
            <p className="text-sm text-slate-700">
              {t("points", { score: Math.round(shown.review.score * 100) / 100, max: shown.review.maxScore })}
            </p>
            <p className="mt-1">
              {shown.review.passed ? t("passed") : t("failed", { passScore: shown.passScore })}
            </p>
            {result?.certificate && (
              <p className="mt-2 font-medium text-emerald-900">
                {t("certificateEarned")}{" "}
                <a href="/" className="underline">
                  {t("certificateLink")}
                </a>
              </p>
            )}
            <ReviewView review={shown.review} inPage />
          </div>
        )}
      </div>

      {open ? (
        <form onSubmit={submit} noValidate className="space-y-5">
          {open.items.map((item, i) => (
            <QuestionFieldset
              key={item.key}
              item={item}
              number={i + 1}
              picked={answers[item.key] ?? []}
              onChange={(tokens) => choose(item.key, tokens)}
            />
          ))}
          <p className="text-sm text-slate-600">
            {t("answered", { done, total: open.items.length })}
            {" · "}
            <span role="status">
              {autosave.status === "saving"
                ? t("saving")
                : autosave.status === "saved"
                  ? t("saved")
                  : autosave.status === "failed"
                    ? t("saveFailed")
                    : ""}
            </span>
          </p>
          <p role="alert" className="text-red-800 empty:hidden">
            {message}
          </p>
          <button
            type="submit"
            aria-disabled={pending}
            className="rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 aria-disabled:opacity-60"
          >
            {pending ? t("submitting") : t("submit")}
          </button>
        </form>
      ) : (
        <div className="space-y-3">
          <p className="font-medium" role="status">
            <AvailabilityText availability={state.availability} now={now} />
          </p>
          <p role="alert" className="text-red-800 empty:hidden">
            {message}
          </p>
          {state.availability.canStart && (
            <button
              type="button"
              onClick={start}
              aria-disabled={pending}
              className="rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 aria-disabled:opacity-60"
            >
              {pending ? t("starting") : shown ? t("retry") : t("start")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
