"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { ScenarioPlayer } from "./scenario-player";

/** A role-play inside a chapter: a card that opens the player in place. */
export function EmbeddedScenario({ slug, title, summary }: { slug: string; title: string; summary: string }) {
  const t = useTranslations("practice");
  const [open, setOpen] = useState(false);
  const headingId = `scenario-${slug}`;
  return (
    <section
      aria-labelledby={headingId}
      className="my-6 rounded-lg border-2 border-brand-600 bg-brand-50 p-4"
      data-print-hidden
    >
      <p className="text-sm font-semibold text-brand-700">{t("title")}</p>
      <h3 id={headingId} className="mt-1 text-lg font-semibold">
        {title}
      </h3>
      <p className="mt-1 text-slate-700">{summary}</p>
      {open ? (
        <div className="mt-4 rounded-lg bg-slate-50 p-3">
          <ScenarioPlayer slug={slug} intro={null} />
        </div>
      ) : (
        <p className="mt-3 flex flex-wrap items-center gap-4">
          <button type="button" onClick={() => setOpen(true)} className={buttonClass()}>
            {t("practiseHere")}
          </button>
          <Link href={`/practice/${slug}`} className="text-brand-700 underline">
            {t("openFull")}
          </Link>
        </p>
      )}
    </section>
  );
}
