"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ContentKind } from "@/lib/content/sources";

/** Rolls back to one revision after the trainer says why; the page then shows the new revision. */
export function RollbackButton({ kind, slug, number }: { kind: ContentKind; slug: string; number: number }) {
  const t = useTranslations("authoring.revisions");
  const te = useTranslations("authoring.editor");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");

  async function rollback(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    try {
      const response = await fetch(`/api/author/${kind}/${slug}/rollback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ number, note }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) return setMessage(te("failed", { message: String(body.message ?? response.status) }));
      setMessage(t("rolledBack", { from: number, n: body.number }));
      setOpen(false);
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      {open ? (
        <form onSubmit={rollback} className="flex flex-wrap items-end gap-2">
          <label className="grid gap-1 text-xs">
            <span>{t("rollbackNote")}</span>
            <input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              required
              minLength={2}
              maxLength={500}
              className="rounded border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          <button
            type="submit"
            aria-disabled={pending}
            className="rounded bg-red-700 px-3 py-1 text-sm text-white aria-disabled:opacity-60"
          >
            {pending ? t("rollingBack") : t("rollbackConfirm")}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)} className="text-sm text-red-800 underline">
          {t("rollback")}
        </button>
      )}
      <p aria-live="polite" className="text-xs">
        {message}
      </p>
    </div>
  );
}
