import { useTranslations } from "next-intl";

/** A plain GET form to /search: works without JavaScript, and the address can be shared. */
export function SearchBox({ query = "", autoFocus = false }: { query?: string; autoFocus?: boolean }) {
  const t = useTranslations("search");
  return (
    <search aria-label={t("label")}>
      <form action="/search" method="get" className="flex gap-2">
        <input
          type="search"
          name="q"
          defaultValue={query}
          maxLength={100}
          // biome-ignore lint/a11y/noAutofocus: the search page exists to type a query
          autoFocus={autoFocus}
          aria-label={t("label")}
          placeholder={t("placeholder")}
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900"
        />
        <button
          type="submit"
          className="shrink-0 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t("button")}
        </button>
      </form>
    </search>
  );
}
