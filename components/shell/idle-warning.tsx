"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Button, buttonClass } from "@/components/ui/button";

const SESSION = "/api/session";
const RETRY_MS = 10_000;

/** The session's time left as the server sees it: a number, "ended" (401), or null when it could not ask. */
async function remaining(method: "GET" | "POST"): Promise<number | "ended" | null> {
  try {
    const response = await fetch(SESSION, {
      method,
      cache: "no-store",
      headers: { accept: "application/json" },
    });
    if (response.status === 401) return "ended";
    if (!response.ok) return null;
    return ((await response.json()) as { remainingMs: number }).remainingMs;
  } catch {
    return null;
  }
}

function clock(ms: number) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * Warns before an idle session ends (SESSION_IDLE_MINUTES): a modal dialog with the time left,
 * "stay signed in" (focused; Escape does the same) and "sign out". Before it opens it asks the
 * server how long is really left (asking does not count as activity), since requests made by other
 * tabs or by the page itself have kept the session alive meanwhile. At zero it goes to sign-in.
 */
export function IdleWarning({
  idleMs,
  warnBeforeMs,
  signOut,
}: {
  idleMs: number;
  warnBeforeMs: number;
  signOut: FormAction;
}) {
  const t = useTranslations("idle");
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const [checkAt, setCheckAt] = useState(() => Date.now() + idleMs - warnBeforeMs);
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const leave = useCallback(() => window.location.assign("/login?reason=idle"), []);

  // Every navigation was a request, so the server's idle clock started again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    setCheckAt(Date.now() + idleMs - warnBeforeMs);
  }, [pathname, idleMs, warnBeforeMs]);

  useEffect(() => {
    if (endsAt !== null) return;
    const timer = window.setTimeout(
      async () => {
        const left = await remaining("GET");
        if (left === "ended") return leave();
        if (left === null) return setCheckAt(Date.now() + RETRY_MS);
        if (left > warnBeforeMs + 1000) return setCheckAt(Date.now() + left - warnBeforeMs);
        setEndsAt(Date.now() + left);
      },
      Math.max(0, checkAt - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [checkAt, endsAt, warnBeforeMs, leave]);

  useEffect(() => {
    if (endsAt === null) return;
    if (!dialog.current?.open) {
      dialog.current?.showModal();
      // showModal focuses the first button ("sign out"); the safe choice is the one to be on.
      dialog.current?.querySelector<HTMLButtonElement>("[data-stay]")?.focus();
    }
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (at >= endsAt) leave();
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [endsAt, leave]);

  async function stay() {
    const left = await remaining("POST");
    if (left === "ended") return leave();
    if (left === null) return;
    dialog.current?.close();
    setEndsAt(null);
    setCheckAt(Date.now() + left - warnBeforeMs);
  }

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      onCancel={(e) => {
        e.preventDefault();
        void stay();
      }}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-xl bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id="idle-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p id="idle-text" className="mt-2 text-sm text-slate-700">
        {t("text", { time: endsAt === null ? "" : clock(endsAt - now) })}
      </p>
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <ActionForm action={signOut}>
          <button type="submit" className={buttonClass("secondary", "lg")}>
            {t("signOut")}
          </button>
        </ActionForm>
        <Button size="lg" data-stay onClick={() => void stay()}>
          {t("stay")}
        </Button>
      </div>
    </dialog>
  );
}
