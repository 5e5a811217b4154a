"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ContentIssue } from "@/lib/content/types";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * An issue in the trainer's language: a limit from its numbers, a coded issue from its code and
 * params (lib/content/issue-codes.ts); the English message only for an issue without a code.
 */
export function issueText(t: Translate, { limit, code, params, message }: ContentIssue): string {
  if (limit) {
    const { max, found = 0 } = limit;
    const kb = (n: number) => Math.ceil(n / 1024);
    return t(`limit.${limit.code}`, { max, found, maxKb: kb(max), foundKb: kb(found), seconds: max / 1000 });
  }
  return code ? t(`issueCode.${code}`, params) : message;
}

export function useIssueText() {
  const t = useTranslations("authoring.editor") as unknown as Translate;
  return useCallback((issue: ContentIssue) => issueText(t, issue), [t]);
}
