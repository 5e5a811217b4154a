"use client";

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { html } from "@codemirror/lang-html";
import { markdown } from "@codemirror/lang-markdown";
import { yaml, yamlFrontmatter } from "@codemirror/lang-yaml";
import {
  bracketMatching,
  defaultHighlightStyle,
  HighlightStyle,
  syntaxHighlighting,
} from "@codemirror/language";
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { Compartment, EditorState, type Extension, type Text } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { type JSX, type Ref, type RefObject, useEffect, useImperativeHandle, useRef } from "react";

export type EditorDiagnostic = { line: number; column: number; message: string };
export type SourceEditorHandle = { insert(text: string): void; focusLine(line: number): void };

type SourceEditorProps = {
  ref?: Ref<SourceEditorHandle>;
  id?: string;
  label: string;
  describedBy?: string;
  language: "mdx" | "yaml";
  value: string;
  onChange(value: string): void;
  diagnostics: EditorDiagnostic[];
  readOnly?: boolean;
};
type Latest = RefObject<Omit<SourceEditorProps, "ref">>;

// CodeMirror's default colours, with those below WCAG AA contrast on the active line darkened:
// red #f00 (an unfinished tag as it is typed), orange #e40 (escapes), green #085 (tag names).
const DARKER: Record<string, string> = { "#f00": "#b91c1c", "#e40": "#b45309", "#085": "#047857" };
const highlightStyle = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) =>
    typeof spec.color === "string" && DARKER[spec.color] ? { ...spec, color: DARKER[spec.color] } : spec,
  ),
);

const languageConf = new Compartment();
const accessConf = new Compartment();

const theme = EditorView.theme({
  "&": { fontSize: "14px", backgroundColor: "#fff", maxHeight: "70vh" },
  "&.cm-focused, .cm-content:focus-visible": { outline: "none" }, // the wrapper draws the focus ring
  ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, Menlo, Consolas, monospace" },
  ".cm-content, .cm-gutter": { minHeight: "24rem" },
  ".cm-gutters": { backgroundColor: "#f8fafc", color: "#475569", borderRight: "1px solid #e2e8f0" },
});

// No key bindings or input handlers that rewrite typed text: no list continuation, HTML tag
// completion/auto-close, URL-paste-as-link, closeBrackets or autocompletion.
function languageSupport(language: SourceEditorProps["language"]): Extension {
  if (language === "yaml") return yaml();
  // The front matter is YAML, the rest MDX.
  return yamlFrontmatter({
    content: markdown({
      addKeymap: false,
      completeHTMLTags: false,
      pasteURLAsLink: false,
      htmlTagLanguage: html({ matchClosingTags: false, autoCloseTags: false }),
    }),
  });
}

type Access = Pick<SourceEditorProps, "id" | "label" | "describedBy" | "readOnly">;

function access({ id, label, describedBy, readOnly }: Access): Extension {
  // An explicit tabindex: axe does not count a contenteditable as focusable content of its scroller.
  const attrs: Record<string, string> = { "aria-label": label, tabindex: "0" };
  if (id) attrs.id = id;
  if (describedBy) attrs["aria-describedby"] = describedBy;
  if (readOnly) attrs["aria-readonly"] = "true";
  return [EditorView.contentAttributes.of(attrs), EditorState.readOnly.of(Boolean(readOnly))];
}

const clamp = (n: number, min: number, max: number) => Math.min(Math.max(Math.trunc(n) || min, min), max);

function toDiagnostics(doc: Text, items: EditorDiagnostic[]): Diagnostic[] {
  return items.map(({ line, column, message }) => {
    const l = doc.line(clamp(line, 1, doc.lines));
    const from = l.from + clamp(column, 1, l.length + 1) - 1;
    return { from, to: Math.max(from, l.to), severity: "error", message };
  });
}

function createState(doc: string, latest: Latest): EditorState {
  return EditorState.create({
    doc,
    extensions: [
      lineNumbers(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      bracketMatching(),
      syntaxHighlighting(highlightStyle, { fallback: true }),
      lintGutter(),
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]), // no indentWithTab: Tab leaves the editor
      EditorView.lineWrapping,
      theme,
      languageConf.of(languageSupport(latest.current.language)),
      accessConf.of(access(latest.current)),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) latest.current.onChange(update.state.doc.toString());
      }),
    ],
  });
}

/** CodeMirror 6 editor for chapter MDX / scenario YAML sources, with inline error diagnostics. */
export function SourceEditor({ ref, ...props }: SourceEditorProps): JSX.Element {
  const { id, label, describedBy, language, value, diagnostics, readOnly } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest: Latest = useRef(props);
  useEffect(() => {
    latest.current = props; // runs before the effects below, so they and the update listener see fresh props
  });

  useEffect(() => {
    const parent = hostRef.current;
    if (!parent) return;
    const view = new EditorView({ parent, state: createState(latest.current.value, latest) });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // A new value from outside (imported file, other locale): start a fresh state so undo history cannot
  // replay edits from the previous document. setState fires no update listener, so onChange is not called.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;
    view.setState(createState(value, latest));
    view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc, latest.current.diagnostics)));
  }, [value]);

  useEffect(() => {
    const view = viewRef.current;
    if (view) view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc, diagnostics)));
  }, [diagnostics]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: languageConf.reconfigure(languageSupport(language)) });
  }, [language]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: accessConf.reconfigure(access({ id, label, describedBy, readOnly })),
    });
  }, [id, label, describedBy, readOnly]);

  useImperativeHandle(
    ref,
    (): SourceEditorHandle => ({
      insert(text) {
        const view = viewRef.current;
        if (!view || view.state.readOnly) return;
        view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true, userEvent: "input" });
        view.focus();
      },
      focusLine(line) {
        const view = viewRef.current;
        if (!view) return;
        const { from } = view.state.doc.line(clamp(line, 1, view.state.doc.lines));
        const effects = EditorView.scrollIntoView(from, { y: "center" });
        view.dispatch({ selection: { anchor: from }, effects });
        view.focus();
      },
    }),
    [],
  );

  return (
    <div
      ref={hostRef}
      className="w-full min-w-0 overflow-hidden rounded-md border border-slate-300 bg-white focus-within:border-brand-600 focus-within:ring-2 focus-within:ring-brand-600"
    />
  );
}
