"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, use, useCallback, useEffect, useState } from "react";
import { knownUser } from "@/components/shell/known-user";
import { NotificationBell } from "@/components/shell/notification-bell";
import { UserLink } from "@/components/shell/user-link";
import type { TocEntry } from "@/lib/content/types";
import { localName } from "@/lib/i18n/local-name";
import { AttemptHistory, type AttemptRow } from "./attempt-history";
import { chapterStatus } from "./chapter-status";
import { StatusBadge } from "./status-badge";

type LearnerState = {
  user: { name: string; role: string; branchName: string; branchNameEn: string };
  passed: boolean;
  relearn: boolean;
  started: boolean;
  bestPercent: number | null;
  sectionIndex: number;
  attempts: AttemptRow[];
  unread: number;
};

type Context = { state: LearnerState | null; reload: () => Promise<void> };
const ChapterStateContext = createContext<Context>({ state: null, reload: async () => {} });

/**
 * The learner's own data for a prerendered chapter page, fetched once on load and again after a
 * submission. A lost session sends the learner to sign in.
 */
export function ChapterStateProvider({ slug, children }: { slug: string; children: React.ReactNode }) {
  const [state, setState] = useState<LearnerState | null>(null);
  const reload = useCallback(async () => {
    const response = await fetch(`/api/learn/${encodeURIComponent(slug)}/me`, { cache: "no-store" });
    if (response.status === 401) {
      window.location.assign("/login");
      return;
    }
    if (response.ok) setState((await response.json()) as LearnerState);
  }, [slug]);
  useEffect(() => {
    reload().catch(() => {});
  }, [reload]);
  return <ChapterStateContext value={{ state, reload }}>{children}</ChapterStateContext>;
}

export function useChapterState() {
  return use(ChapterStateContext);
}

export function HeaderUser() {
  const { state } = useChapterState();
  const t = useTranslations("roles");
  const locale = useLocale();
  const user = state?.user ?? knownUser()?.user;
  if (!user) return <p className="h-8 w-24" aria-hidden />;
  return (
    <UserLink
      name={user.name}
      detail={`${t(user.role as "learner")} · ${localName(user, locale, "branchName")}`}
    />
  );
}

/** The header's bell on a chapter page: the unread count arrives with the learner's state. */
export function HeaderBell() {
  const { state } = useChapterState();
  return <NotificationBell unread={state?.unread ?? knownUser()?.unread ?? null} />;
}

export function ChapterStatusBadge() {
  const { state } = useChapterState();
  return state ? <StatusBadge status={chapterStatus(state)} /> : null;
}

export function ContinueBanner({ toc }: { toc: TocEntry[] }) {
  const { state } = useChapterState();
  const t = useTranslations("learn");
  const resumeAt = state && state.sectionIndex > 0 ? toc[state.sectionIndex] : undefined;
  if (!resumeAt) return null;
  return (
    <p
      className="mb-6 flex flex-wrap items-center gap-x-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm"
      data-print-hidden
    >
      <span>{t("continue", { section: resumeAt.title })}</span>
      <a href={`#${resumeAt.id}`} className="font-medium text-brand-700 underline">
        {t("continueLink")}
      </a>
    </p>
  );
}

export function ChapterAttempts() {
  const { state } = useChapterState();
  return state ? <AttemptHistory attempts={state.attempts} /> : null;
}
