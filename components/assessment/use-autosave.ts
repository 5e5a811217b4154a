"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveStatus = "idle" | "saving" | "saved" | "failed";
type Answers = Record<string, string[]>;

/**
 * Saves an open attempt's whole answer set to the server shortly after each change, one request
 * at a time and always the newest set last, so a reload or another device resumes it. `onRefused`
 * hears a 4xx (the attempt closed, or its deadline passed).
 */
export function useAutosave(
  attemptId: string | null,
  { delayMs = 400, onRefused }: { delayMs?: number; onRefused?: (status: number) => void } = {},
) {
  const [status, setStatus] = useState<SaveStatus>("idle");
  const pending = useRef<Answers | null>(null);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refused = useRef(onRefused);
  refused.current = onRefused;

  const flush = useCallback(async () => {
    if (busy.current || !attemptId) return;
    busy.current = true;
    try {
      while (pending.current) {
        const answers = pending.current;
        pending.current = null;
        setStatus("saving");
        try {
          const response = await fetch(`/api/attempts/${attemptId}/answers`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ answers }),
          });
          if (response.ok) setStatus("saved");
          else {
            setStatus("failed");
            if (response.status >= 400 && response.status < 500) refused.current?.(response.status);
          }
        } catch {
          setStatus("failed");
        }
      }
    } finally {
      busy.current = false;
    }
  }, [attemptId]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const save = useCallback(
    (answers: Answers) => {
      pending.current = answers;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Sends what is waiting now (before a submission), and waits for it. */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await flush();
  }, [flush]);

  return { status, save, settle };
}
