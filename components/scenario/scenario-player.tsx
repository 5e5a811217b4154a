"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ReplaySummary as Summary } from "@/db/use-cases/replay-scenario";
import { CHOICE_KEYS, choiceIndexForKey } from "@/lib/scenario/choice-keys";
import type { PublicStep } from "@/lib/scenario/engine";
import { MoodMeter } from "./mood-meter";
import { ReplaySummary } from "./replay-summary";

type Line = { who: "customer" | "you" | "narration" | "system"; text: string };
type Playing = { attemptId: string; step: PublicStep; mood: number; timeAllowedMs: number | null };
type Reply = { choiceId: string } | { text: string } | { timeout: true };

/**
 * The conversation. It only ever knows the current step's words: the server holds the attempt,
 * checks every answer against the current step and its own clock, and scores it. With `replay`, it
 * is a practice run from a step of a finished attempt: the server stores nothing, so the player
 * sends the replay's answers so far with each one, and shows the practice feedback at the end.
 */
export function ScenarioPlayer({
  slug,
  intro,
  replay,
}: {
  slug: string;
  intro: React.ReactNode;
  replay?: { attemptId: string; from: string };
}) {
  const t = useTranslations("practice");
  const router = useRouter();
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [extendedTime, setExtendedTime] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");
  const [text, setText] = useState("");
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const deadline = useRef<number | null>(null);
  const sent = useRef(false);
  const history = useRef<({ stepId: string } & Reply)[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);

  const show = useCallback((step: PublicStep) => {
    setLines((prev) => [
      ...prev,
      ...(step.narration ? [{ who: "narration" as const, text: step.narration }] : []),
      ...(step.customer ? [{ who: "customer" as const, text: step.customer }] : []),
    ]);
  }, []);

  function enter(next: Playing) {
    setPlaying(next);
    sent.current = false;
    show(next.step);
    if (next.timeAllowedMs) {
      deadline.current = Date.now() + next.timeAllowedMs;
      setSecondsLeft(Math.ceil(next.timeAllowedMs / 1000));
      setAnnouncement(t("timedStep", { seconds: Math.ceil(next.timeAllowedMs / 1000) }));
    } else {
      deadline.current = null;
      setSecondsLeft(null);
    }
  }

  async function post(url: string, body: unknown) {
    setPending(true);
    setMessage("");
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        setMessage(t("error", { message: String(data.message ?? response.status) }));
        return null;
      }
      return data;
    } catch {
      setMessage(t("network"));
      return null;
    } finally {
      setPending(false);
    }
  }

  const replayUrl = replay && `/api/practice/attempts/${encodeURIComponent(replay.attemptId)}/replay`;

  async function begin() {
    history.current = [];
    const data = replay
      ? await post(replayUrl as string, { from: replay.from, answers: [], extendedTime })
      : await post(`/api/practice/${encodeURIComponent(slug)}/attempts`, { extendedTime });
    if (data) enter(data as Playing);
  }

  async function answer(body: Reply, said?: string) {
    if (!playing || sent.current) return;
    sent.current = true;
    deadline.current = null;
    setSecondsLeft(null);
    const sending = { stepId: playing.step.id, ...body };
    const data = replay
      ? await post(replayUrl as string, {
          from: replay.from,
          answers: [...history.current, sending],
          extendedTime,
        })
      : await post(`/api/practice/attempts/${playing.attemptId}/answer`, sending);
    if (!data) {
      sent.current = false;
      return;
    }
    history.current.push(sending);
    setLines((prev) => [
      ...prev,
      said ? { who: "you" as const, text: said } : { who: "system" as const, text: t("timeUp") },
    ]);
    setText("");
    if (data.ended && replay) {
      setAnnouncement(t("replay.finished"));
      setSummary(data.summary);
      return;
    }
    if (data.ended) {
      setAnnouncement(t("finished"));
      router.push(data.resultUrl);
      return;
    }
    if (data.timedOut && said) setLines((prev) => [...prev, { who: "system", text: t("timeUp") }]);
    enter({
      attemptId: playing.attemptId,
      step: data.step,
      mood: data.mood,
      timeAllowedMs: data.timeAllowedMs,
    });
  }
  // The countdown calls the latest answer() without restarting on every render.
  const onTimeUp = useRef(() => {});
  onTimeUp.current = () => answer({ timeout: true });

  const timerRunning = secondsLeft !== null;
  useEffect(() => {
    if (!timerRunning) return;
    const timer = setInterval(() => {
      if (deadline.current === null) return;
      const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 3) setAnnouncement(t("timeLeft", { seconds: 3 }));
      if (left === 0) onTimeUp.current();
    }, 250);
    return () => clearInterval(timer);
  }, [timerRunning, t]);

  // Number keys pick a choice, through the same answer() as the buttons.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e) => {
    const choices = playing?.step.choices ?? [];
    if (pending || sent.current) return;
    const index = choiceIndexForKey(e, choices.length);
    const choice = index === null ? undefined : choices[index];
    if (!choice) return;
    e.preventDefault();
    answer({ choiceId: choice.id }, choice.text);
  };
  const hasChoices = !summary && (playing?.step.choices.length ?? 0) > 0;
  useEffect(() => {
    if (!hasChoices) return;
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [hasChoices]);

  if (!playing) {
    return (
      <div className="space-y-4">
        {intro}
        <label className="flex items-center gap-3">
          <input
            type="checkbox"
            checked={extendedTime}
            onChange={(e) => setExtendedTime(e.target.checked)}
            className="size-4 accent-brand-700"
          />
          {t("extendedTime")}
        </label>
        <button
          type="button"
          onClick={begin}
          aria-disabled={pending}
          className={buttonClass("primary", "lg")}
        >
          {pending ? t("starting") : replay ? t("replay.start") : t("start")}
        </button>
        <p role="alert" className="text-red-800 empty:hidden">
          {message}
        </p>
      </div>
    );
  }

  const { step } = playing;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <MoodMeter mood={playing.mood} />
        {secondsLeft !== null && (
          <p
            className={`font-mono text-lg font-semibold ${secondsLeft <= 3 ? "text-red-700" : "text-slate-800"}`}
            aria-hidden
          >
            ⏱ {t("timeLeft", { seconds: secondsLeft })}
          </p>
        )}
      </div>
      <p className="sr-only" aria-live="assertive">
        {announcement}
      </p>
      <ol className="space-y-3" aria-label={t("transcriptLabel")}>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows
          <li key={i} className={lineStyle(line.who)}>
            {line.who === "customer" || line.who === "you" ? (
              <span className="mb-0.5 block text-xs font-medium text-slate-600">{t(line.who)}</span>
            ) : null}
            <span>{line.text}</span>
          </li>
        ))}
      </ol>
      {summary && <ReplaySummary summary={summary} retryHref={`/practice/${slug}`} />}
      {!summary && step.choices.length > 0 && (
        <fieldset className="space-y-2" disabled={pending}>
          <legend className="mb-2 font-medium">{t("yourReply")}</legend>
          <p id="choice-keys" className="text-sm text-slate-600">
            {t("choiceKeys", { last: Math.min(step.choices.length, CHOICE_KEYS) })}
          </p>
          {step.choices.map((c, i) => (
            <button
              key={c.id}
              type="button"
              onClick={() => answer({ choiceId: c.id }, c.text)}
              aria-keyshortcuts={i < CHOICE_KEYS ? String(i + 1) : undefined}
              className="flex w-full items-start gap-3 rounded-md border border-brand-600 bg-white px-4 py-3 text-left hover:bg-brand-50 disabled:opacity-60"
            >
              {i < CHOICE_KEYS && (
                <kbd
                  aria-hidden
                  className="mt-0.5 shrink-0 rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-700"
                >
                  {i + 1}
                </kbd>
              )}
              <span>{c.text}</span>
            </button>
          ))}
        </fieldset>
      )}
      {!summary && step.kind === "text" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) answer({ text }, text);
          }}
          className="space-y-2"
        >
          <p className="text-slate-700">{step.prompt}</p>
          <label htmlFor="reply" className="block font-medium">
            {t("yourReply")}
          </label>
          <textarea
            id="reply"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            maxLength={2000}
            aria-describedby="reply-hint"
            className="w-full rounded-md border border-slate-300 p-3"
          />
          <p id="reply-hint" className="text-sm text-slate-600">
            {t("textHint")}
          </p>
          <button
            type="submit"
            aria-disabled={pending || !text.trim()}
            className={buttonClass("primary", "lg")}
          >
            {pending ? t("sending") : t("send")}
          </button>
        </form>
      )}
      <p role="alert" className="text-red-800 empty:hidden">
        {message}
      </p>
    </div>
  );
}

function lineStyle(who: Line["who"]) {
  switch (who) {
    case "customer":
      return "mr-8 rounded-lg rounded-tl-none bg-white p-3 shadow-sm ring-1 ring-slate-200";
    case "you":
      return "ml-8 rounded-lg rounded-tr-none bg-brand-50 p-3 ring-1 ring-brand-100";
    case "narration":
      return "text-sm italic text-slate-600";
    default:
      return "text-sm font-medium text-amber-900";
  }
}
