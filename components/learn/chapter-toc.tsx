"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { TocEntry } from "@/lib/content/types";
import { useCurrentSection } from "./use-current-section";
import { useReadingProgress } from "./use-reading-progress";

/**
 * The chapter's table of contents with the section being read marked (aria-current="location") and
 * a reading-progress bar. From 1024 px up it is always open beside the text; on a phone it is one
 * sticky "目录" button that opens the list, and following a link or Escape closes it.
 */
export function ChapterToc({ toc, articleId }: { toc: TocEntry[]; articleId: string }) {
  const t = useTranslations("learn");
  const entries = [...toc, { id: "knowledge-check", title: t("check.title") }];
  const current = useCurrentSection(entries.map((e) => e.id));
  const progress = useReadingProgress(articleId);
  const [open, setOpen] = useState(false);
  const list = useId();
  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [open]);
  return (
    <nav
      aria-label={t("toc")}
      className="rounded-lg border border-slate-200 bg-white text-sm shadow-sm lg:shadow-none"
      data-print-hidden
    >
      <div
        role="progressbar"
        aria-label={t("readingProgress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        className="h-1 overflow-hidden rounded-t-lg bg-slate-100"
      >
        <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${progress}%` }} />
      </div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={list}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between gap-2 px-4 py-3 font-semibold text-slate-900 lg:hidden"
      >
        <span>{t("tocButton")}</span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`size-4 ${open ? "rotate-180" : ""}`}
          fill="currentColor"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <div
        id={list}
        className={`${open ? "block" : "hidden"} max-h-[60vh] overflow-y-auto px-4 pb-4 lg:block lg:max-h-none lg:pt-3`}
      >
        <p className="mb-2 hidden font-semibold text-slate-900 lg:block">{t("toc")}</p>
        <ol className="space-y-0.5">
          {entries.map((entry) => (
            <li key={entry.id}>
              <a
                href={`#${entry.id}`}
                aria-current={entry.id === current ? "location" : undefined}
                onClick={() => setOpen(false)}
                className={`-mx-2 block rounded px-2 py-1.5 hover:underline ${
                  entry.id === current
                    ? "border-l-4 border-brand-700 bg-brand-50 font-medium text-brand-800"
                    : "border-l-4 border-transparent text-brand-700"
                }`}
              >
                {entry.title}
              </a>
            </li>
          ))}
        </ol>
      </div>
    </nav>
  );
}
