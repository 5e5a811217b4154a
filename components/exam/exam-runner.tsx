"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { QuestionFieldset } from "@/components/assessment/question-fieldset";
import { useAutosave } from "@/components/assessment/use-autosave";
import { announcementBetween } from "@/lib/assessment/exam-timing";
import type { ExamState, Wire } from "@/lib/assessment/views";
import { ExamResult } from "./exam-result";
import { ExamStart } from "./exam-start";

type State = Wire<ExamState>;

/** How long after this page's zero the exam is handed in (the server counts in milliseconds). */
const TIME_UP_GRACE_MS = 1500;
type Answers = Record<string, string[]>;

const clock = (seconds: number) =>
  `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;

/**
 * The certification exam. The server holds the questions, the deadline and the saved answers:
 * this page counts down from the time the server says is left, saves each change, announces 5
 * minutes and 1 minute left to screen readers, and hands in when time is up. It never has a key.
 */
export function ExamRunner({ certificationId }: { certificationId: string }) {
  const t = useTranslations("exam");
  const tc = useTranslations("learn.check");
  const [state, setState] = useState<State | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [left, setLeft] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const deadline = useRef<number | null>(null);
  const handedIn = useRef(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const base = `/api/exam/${encodeURIComponent(certificationId)}`;

  const show = useCallback((next: State) => {
    setState(next);
    setAnswers(next.open?.saved ?? {});
    handedIn.current = false;
    // The server's "seconds left" against this device's clock: a wrong clock cannot add time.
    deadline.current =
      next.open?.remainingSeconds != null ? Date.now() + next.open.remainingSeconds * 1000 : null;
    setLeft(next.open?.remainingSeconds ?? null);
    if (!next.open) setTimeout(() => resultHeading.current?.focus(), 0);
  }, []);

  const load = useCallback(async () => {
    const response = await fetch(base, { cache: "no-store" });
    if (response.status === 401) window.location.assign("/login");
    else if (response.ok) show((await response.json()) as State);
  }, [base, show]);

  useEffect(() => {
    load().catch(() => setMessage(t("loading")));
  }, [load, t]);

  const open = state?.open ?? null;
  const autosave = useAutosave(open?.attemptId ?? null, { onRefused: () => void load() });

  const post = useCallback(async (path: string, body: unknown) => {
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) setMessage(String(json.message ?? response.status));
    return response.ok ? (json as State) : null;
  }, []);

  const handIn = useCallback(
    async (current: Answers, timeUp = false) => {
      if (!open || handedIn.current) return;
      handedIn.current = true;
      setPending(true);
      setMessage("");
      try {
        await autosave.settle();
        // This page's zero may come up to a second before the server's deadline (whole seconds):
        // wait it out, so the server closes at its deadline with what was saved.
        if (timeUp) await new Promise((resolve) => setTimeout(resolve, TIME_UP_GRACE_MS));
        const next = await post(`${base}/submit`, { attemptId: open.attemptId, answers: current });
        if (next) show(next);
        else {
          handedIn.current = false;
          await load();
        }
      } catch {
        handedIn.current = false;
        setMessage(t("timeUp"));
      } finally {
        setPending(false);
        setConfirming(false);
      }
    },
    [open, autosave, post, base, show, load, t],
  );

  // The countdown: a tick a second, the announcements, and handing in at zero.
  const answersRef = useRef(answers);
  answersRef.current = answers;
  useEffect(() => {
    if (!open) return;
    const id = setInterval(() => {
      if (deadline.current === null) return;
      const now = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      setLeft((before) => {
        const crossed = before === null ? null : announcementBetween(before, now);
        if (crossed === 300) setAnnouncement(t("announce5"));
        if (crossed === 60) setAnnouncement(t("announce1"));
        return now;
      });
      if (now === 0) {
        setAnnouncement(t("timeUp"));
        void handIn(answersRef.current, true);
      }
    }, 1000);
    return () => clearInterval(id);
  }, [open, handIn, t]);

  async function start() {
    if (pending) return;
    setPending(true);
    setMessage("");
    try {
      const next = await post(base, {});
      if (next) show(next);
    } finally {
      setPending(false);
    }
  }

  function choose(key: string, tokens: string[]) {
    const next = { ...answers, [key]: tokens };
    setAnswers(next);
    autosave.save(next);
  }

  if (!state) return <p className="text-slate-600">{message || t("loading")}</p>;

  if (!open)
    return (
      <div className="space-y-6">
        <ExamStart state={state} pending={pending} onStart={start} />
        <p role="alert" className="text-red-800 empty:hidden">
          {message}
        </p>
        {state.last && <ExamResult state={state} headingRef={resultHeading} />}
      </div>
    );

  const unanswered = open.items.filter((i) => !answers[i.key]?.length).length;
  const chapterOf = (key: string) => key.slice(0, key.indexOf("/"));
  let number = 0;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (unanswered > 0 && !confirming) setConfirming(true);
        else void handIn(answers);
      }}
      className="space-y-6"
    >
      <div
        className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white/95 px-4 py-3 shadow-sm"
        data-print-hidden
      >
        <p className="text-sm text-slate-700">
          {t("answered", { done: open.items.length - unanswered, total: open.items.length })}
        </p>
        <p
          role="timer"
          aria-label={t("remainingLabel", { time: clock(left ?? 0) })}
          className="font-mono text-xl font-semibold tabular-nums"
        >
          <span className="mr-2 font-sans text-sm font-normal text-slate-600">{t("remaining")}</span>
          {clock(left ?? 0)}
        </p>
      </div>
      <p aria-live="assertive" className="sr-only">
        {announcement}
      </p>
      {state.chapters.map((c, part) => {
        const items = open.items.filter((i) => chapterOf(i.key) === c.slug);
        if (items.length === 0) return null;
        return (
          <section key={c.slug} aria-labelledby={`part-${c.slug}`} className="space-y-4">
            <h2 id={`part-${c.slug}`} className="text-lg font-semibold">
              {t("chapterPart", { n: part + 1, title: c.title })}
            </h2>
            {items.map((item) => {
              number += 1;
              return (
                <QuestionFieldset
                  key={item.key}
                  item={item}
                  number={number}
                  picked={answers[item.key] ?? []}
                  disabled={pending}
                  onChange={(tokens) => choose(item.key, tokens)}
                />
              );
            })}
          </section>
        );
      })}
      <div className="space-y-3 border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-600" role="status">
          {autosave.status === "saving"
            ? tc("saving")
            : autosave.status === "saved"
              ? tc("saved")
              : autosave.status === "failed"
                ? tc("saveFailed")
                : ""}
        </p>
        {confirming && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">
            {t("unansweredConfirm", { count: unanswered })}
          </p>
        )}
        <p role="alert" className="text-red-800 empty:hidden">
          {message}
        </p>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            aria-disabled={pending}
            className="min-h-11 rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 aria-disabled:opacity-60"
          >
            {pending ? t("submitting") : confirming ? t("submitAnyway") : t("submit")}
          </button>
          {confirming && (
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="min-h-11 rounded-md border border-slate-300 bg-white px-5 py-2.5 font-medium"
            >
              {t("keepGoing")}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
