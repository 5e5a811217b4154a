import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export async function VerifyCodeForm({ invalid = false }: { invalid?: boolean }) {
  const t = await getTranslations("verify");
  return (
    <form action="/verify" method="get" className="mt-6 flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="code" className="block text-sm font-medium">
          {t("codeLabel")}
        </label>
        <input
          id="code"
          name="code"
          required
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "code-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono uppercase tracking-widest"
        />
        {invalid && (
          <p id="code-error" className="mt-1 text-sm text-red-700">
            {t("badFormat")}
          </p>
        )}
      </div>
      <button
        type="submit"
        className={`${buttonClass()} focus-visible:outline-2 focus-visible:outline-offset-2`}
      >
        {t("submit")}
      </button>
    </form>
  );
}
