import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/**
 * The code box and its button, side by side at every width. A code that is not well formed comes
 * back in the box as typed (`value`), with the error under it, so one wrong character is easy to mend.
 */
export async function VerifyCodeForm({ invalid = false, value }: { invalid?: boolean; value?: string }) {
  const t = await getTranslations("verify");
  return (
    <form action="/verify" method="get" className="mt-6">
      <label htmlFor="code" className="block text-sm font-medium">
        {t("codeLabel")}
      </label>
      <div className="mt-1 flex items-stretch gap-2">
        <input
          id="code"
          name="code"
          required
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          defaultValue={value?.slice(0, 64)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "code-error" : undefined}
          className={`min-w-0 flex-1 rounded-md border px-3 py-2 font-mono uppercase tracking-widest ${
            invalid ? "border-red-600" : "border-slate-300"
          }`}
        />
        <button
          type="submit"
          className={`${buttonClass()} shrink-0 focus-visible:outline-2 focus-visible:outline-offset-2`}
        >
          {t("submit")}
        </button>
      </div>
      {invalid && (
        <p id="code-error" className="mt-1 text-sm text-red-700">
          {t("badFormat")}
        </p>
      )}
    </form>
  );
}
