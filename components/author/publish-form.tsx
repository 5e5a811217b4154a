"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ContentKind } from "@/lib/content/sources";

/** Note, "major" flag and the publish button; publishing saves unsaved edits first. */
export function PublishForm({
  kind,
  slug,
  hasErrors,
  checking,
  beforePublish,
  onPublished,
}: {
  kind: ContentKind;
  slug: string;
  hasErrors: boolean;
  checking: boolean;
  beforePublish(): Promise<number | null>;
  onPublished(): void;
}) {
  const t = useTranslations("authoring.editor");
  const [note, setNote] = useState("");
  const [major, setMajor] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");
  const blocked = hasErrors || checking;

  async function publish(event: React.FormEvent) {
    event.preventDefault();
    if (pending || blocked) return;
    setPending(true);
    setMessage("");
    try {
      const version = await beforePublish();
      if (version === null) return;
      const response = await fetch(`/api/author/${kind}/${slug}/publish`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version, note, major }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        setMessage(
          response.status === 422
            ? t("cannotPublish")
            : t("failed", { message: String(body.message ?? response.status) }),
        );
        return;
      }
      setMessage(t("published", { n: body.number }));
      setNote("");
      setMajor(false);
      onPublished();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={publish} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{t("publishTitle")}</h2>
      <label className="mt-2 grid gap-1 text-sm">
        <span className="font-medium">{t("note")}</span>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required
          minLength={2}
          maxLength={500}
          aria-describedby="note-hint"
          className="rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <p id="note-hint" className="mt-1 text-xs text-slate-600">
        {t("noteHint")} {t("saveFirst")}
      </p>
      <label className="mt-3 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={major}
          onChange={(e) => setMajor(e.target.checked)}
          className="mt-1"
        />
        <span>{t("major")}</span>
      </label>
      <button
        type="submit"
        aria-disabled={pending || blocked}
        aria-describedby={hasErrors ? "publish-blocked" : undefined}
        className="mt-3 rounded-md bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 aria-disabled:opacity-60"
      >
        {pending ? t("publishing") : t("publish")}
      </button>
      {hasErrors && (
        <p id="publish-blocked" className="mt-2 text-sm text-red-800">
          {t("cannotPublish")}
        </p>
      )}
      <p aria-live="polite" className="mt-2 text-sm font-medium">
        {message}
      </p>
    </form>
  );
}
