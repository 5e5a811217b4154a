"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { copyQuestionsInto } from "@/lib/content/copy-questions";
import { LIMITS } from "@/lib/content/limits";
import type { ContentKind } from "@/lib/content/sources";
import { CHAPTER_SNIPPETS, SCENARIO_SNIPPETS } from "@/lib/content/templates";
import type { Locale } from "@/lib/i18n/locales";
import { EditorPreview } from "./editor-preview";
import type { ItemIssues, Preview, TryAnswer } from "./editor-types";
import { IssueList } from "./issue-list";
import { useIssueText } from "./issue-text";
import { PublishForm } from "./publish-form";
import { SourceEditor, type SourceEditorHandle } from "./source-editor";
import { useLeaveGuard } from "./use-leave-guard";

const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };
/** Edits are saved to the shared server draft this long after the last keystroke. */
const AUTOSAVE_MS = 2_500;

type Props = {
  kind: ContentKind;
  slug: string;
  draft: { "zh-CN": string; en: string; version: number };
};

async function send(url: string, method: string, body: unknown) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { response, body: await response.json().catch(() => ({})) };
}

/**
 * The trainer's editor: both language versions, checked and previewed as they type (through the
 * server, with the same validator content:check and publish use), saved as the shared draft:
 * automatically a moment after typing stops, at once with Ctrl/Cmd+S, and never left unsaved
 * without a prompt. The server draft (not localStorage) is what survives a reload: it is the one
 * copy every trainer and publish work from, and its version guard reports a concurrent save.
 */
export function ContentEditor({ kind, slug, draft }: Props) {
  const t = useTranslations("authoring.editor");
  const uiLocale = useLocale();
  const router = useRouter();
  const editor = useRef<SourceEditorHandle>(null);
  const [locale, setLocale] = useState<Locale>("zh-CN");
  const [sources, setSources] = useState({ "zh-CN": draft["zh-CN"], en: draft.en });
  const [version, setVersion] = useState(draft.version);
  // What the server holds: unsaved means the text differs from it, so edits made while a save is
  // on its way stay unsaved.
  const [saved, setSaved] = useState({ "zh-CN": draft["zh-CN"], en: draft.en });
  const dirty = sources["zh-CN"] !== saved["zh-CN"] || sources.en !== saved.en;
  const [issues, setIssues] = useState<ItemIssues>({});
  const [preview, setPreview] = useState<Preview>(null);
  const [previewStale, setPreviewStale] = useState(false);
  const [checking, setChecking] = useState(true);
  const [message, setMessage] = useState("");
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setChecking(true);
    const timer = setTimeout(async () => {
      try {
        const { response, body } = await send("/api/author/preview", "POST", { kind, slug, locale, sources });
        // 413/422: too large or complex to check; its issues name the limit and the line.
        if (response.ok || body.issues) {
          setIssues(body.issues ?? {});
          // While the text has errors, keep showing the last preview that rendered, marked as such.
          if (body.preview) setPreview(body.preview);
          setPreviewStale(!body.preview);
        } else setMessage(t("failed", { message: String(body.message ?? response.status) }));
      } catch {
        setMessage(t("failed", { message: "network" }));
      } finally {
        setChecking(false);
      }
    }, 350);
    return () => clearTimeout(timer);
  }, [kind, slug, locale, sources, t]);

  // A rollback replaces the draft on the server: adopt it when the page refreshes, unless the
  // trainer has unsaved edits (saving those will then report the conflict).
  useEffect(() => {
    if (draft.version > version && !dirty) {
      const next = { "zh-CN": draft["zh-CN"], en: draft.en };
      setSources(next);
      setSaved(next);
      setVersion(draft.version);
    }
  }, [draft, version, dirty]);

  // 试一试 grades against the draft as it is now, in the language being edited.
  const tryAnswer: TryAnswer = useCallback(
    async (stepId, answer) => {
      try {
        const { response, body } = await send("/api/author/try-answer", "POST", {
          slug,
          locale,
          source: sources[locale],
          stepId,
          answer,
        });
        return response.ok ? body : { error: String(body.message ?? response.status) };
      } catch {
        return { error: t("network") };
      }
    },
    [slug, locale, sources, t],
  );

  const switchLocale = (next: Locale) => {
    setLocale(next);
    setPreview(null);
  };

  const change = (value: string) => {
    // CodeMirror reports every transaction; an unchanged text must not re-render the page.
    setSources((s) => (s[locale] === value ? s : { ...s, [locale]: value }));
    setMessage("");
  };

  // Saves run one after another and read the newest text and version when they start, so an
  // autosave in flight and Ctrl+S or publish never send a stale version (which would be a 409).
  const latest = useRef({ sources, saved, version });
  latest.current = { sources, saved, version: Math.max(latest.current.version, version) };
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  async function saveNow(auto: boolean): Promise<number | null> {
    const { sources: sent, saved: held, version: base } = latest.current;
    const unchanged = sent["zh-CN"] === held["zh-CN"] && sent.en === held.en;
    if (auto && unchanged) return base;
    setSaving(true);
    try {
      const { response, body } = await send(`/api/author/${kind}/${slug}/draft`, "PUT", {
        sourceZh: sent["zh-CN"],
        sourceEn: sent.en,
        version: base,
      });
      if (response.status === 409) {
        setMessage(t("conflict"));
        return null;
      }
      if (!response.ok) {
        if (body.issues) setIssues(body.issues);
        setMessage(t("failed", { message: String(body.message ?? response.status) }));
        return null;
      }
      latest.current = { ...latest.current, saved: sent, version: body.version };
      setVersion(body.version);
      setSaved(sent);
      const time = new Date().toLocaleTimeString(uiLocale, { timeStyle: "short" });
      setMessage(auto ? t("autosaved", { time }) : t("saved"));
      return body.version as number;
    } catch {
      setMessage(t("failed", { message: t("network") }));
      return null;
    } finally {
      setSaving(false);
    }
  }

  /** Saves after any save in flight; `auto` skips an unchanged text and says it was automatic. */
  function save(auto = false): Promise<number | null> {
    const run = queue.current.then(() => saveNow(auto));
    queue.current = run.catch(() => null);
    return run;
  }
  const latestSave = useRef(save);
  latestSave.current = save;

  // Autosave a moment after the last edit; a conflict or refusal stops it until the next edit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every edit (a new `sources`) restarts the wait
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => latestSave.current(true), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, sources]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        latestSave.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useLeaveGuard(dirty || saving, t("leavePrompt"));

  // Diagnostics in the trainer's language, recomputed only when the issues change, so the editor
  // is not redrawn on every render.
  const text = useIssueText();
  const diagnostics = useMemo(
    () => (issues[locale] ?? []).map((i) => ({ line: i.line, column: i.column, message: text(i) })),
    [issues, locale, text],
  );

  // The Chinese questions English lacks, as the checker found them: offered to copy in, marked.
  const missingLines = (issues.en ?? []).flatMap((i) =>
    i.code === "questionMissing" ? [Number(i.params?.sourceLine)] : [],
  );
  const copyMissing = () => {
    const next = copyQuestionsInto(sources["zh-CN"], sources.en, missingLines);
    if (next === null) return;
    setSources((s) => ({ ...s, en: next }));
    switchLocale("en");
    setMessage(t("copied", { count: missingLines.length }));
  };

  async function importFile(file: File | undefined) {
    if (!file) return;
    if (file.size > LIMITS.bytes) return setMessage(t("importTooLarge", { max: LIMITS.bytes / 1024 }));
    change(await file.text());
    setMessage(t("importLoaded", { name: file.name }));
  }

  const count = Object.values(issues).reduce((n, list) => n + (list?.length ?? 0), 0);
  const snippets = kind === "chapter" ? CHAPTER_SNIPPETS : SCENARIO_SNIPPETS;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <section aria-labelledby="source-title" className="min-w-0">
        <h2 id="source-title" className="sr-only">
          {t("source", { locale: LOCALE_NAMES[locale] })}
        </h2>
        <fieldset className="mb-2 flex gap-2">
          <legend className="sr-only">{t("localeTabs")}</legend>
          {(["zh-CN", "en"] as const).map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={l === locale}
              onClick={() => switchLocale(l)}
              className="rounded-md border px-3 py-1.5 text-sm aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:font-medium"
            >
              {LOCALE_NAMES[l]}
              {issues[l]?.length ? ` (${issues[l]?.length})` : ""}
            </button>
          ))}
        </fieldset>
        <p id="parity-rule" className="mb-2 text-sm text-slate-700">
          {kind === "chapter" ? t("parityRule") : t("enOptional")}
        </p>
        {kind === "chapter" && missingLines.length > 0 && sources.en.includes("</KnowledgeCheck>") && (
          <button type="button" onClick={copyMissing} className={`${buttonClass("secondary")} mb-2`}>
            {t("copyMissing", { count: missingLines.length })}
          </button>
        )}
        <fieldset className="mb-2 flex flex-wrap gap-2">
          <legend className="mb-1 text-sm font-medium">{t("palette")}</legend>
          {Object.entries(snippets).map(([key, text]) => (
            <button
              key={key}
              type="button"
              onClick={() => editor.current?.insert(text)}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
            >
              {t(`snippet.${key}`)}
            </button>
          ))}
        </fieldset>
        <SourceEditor
          ref={editor}
          label={t("source", { locale: LOCALE_NAMES[locale] })}
          describedBy="editor-issues"
          language={kind === "chapter" ? "mdx" : "yaml"}
          value={sources[locale]}
          onChange={change}
          diagnostics={diagnostics}
        />
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => save()}
            aria-disabled={saving}
            aria-keyshortcuts="Control+S Meta+S"
            className={buttonClass()}
          >
            {saving ? t("saving") : t("save")}
          </button>
          <label className="text-sm">
            <span className="mr-2">{t("importFile")}</span>
            <input
              type="file"
              accept={
                kind === "chapter" ? ".mdx,.md,text/markdown,text/plain" : ".yaml,.yml,text/yaml,text/plain"
              }
              onChange={(e) => importFile(e.target.files?.[0])}
              className="text-sm"
            />
          </label>
          {dirty && <span className="text-sm text-amber-800">{t("unsaved")}</span>}
        </div>
        <p className="mt-1 text-xs text-slate-600">{t("autosaveNote")}</p>
        <p aria-live="polite" className="mt-2 text-sm font-medium">
          {message}
        </p>
        <IssueList
          id="editor-issues"
          issues={issues}
          checking={checking}
          count={count}
          names={LOCALE_NAMES}
          onPick={(l, line) => {
            if (l !== locale) switchLocale(l);
            setTimeout(() => editor.current?.focusLine(line), 0);
          }}
        />
        <PublishForm
          kind={kind}
          slug={slug}
          hasErrors={count > 0}
          checking={checking}
          beforePublish={() => save(true)}
          onPublished={() => router.refresh()}
        />
      </section>
      <section
        aria-labelledby="preview-title"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto"
      >
        <h2 id="preview-title" className="text-lg font-semibold">
          {t("preview")} · {LOCALE_NAMES[locale]}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("previewNote")}</p>
        {previewStale && preview && (
          <p role="note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
            {t("previewStale")}
          </p>
        )}
        {sources[locale].trim() ? (
          <EditorPreview preview={preview} lang={locale} tryAnswer={tryAnswer} />
        ) : (
          <p className="text-slate-600">{t("enOptional")}</p>
        )}
      </section>
    </div>
  );
}
