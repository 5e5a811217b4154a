"use client";

import { switchLocale } from "@/app/[locale]/locale-actions";

/**
 * The language lives in a cookie and picks the page's locale segment in proxy.ts, so after saving
 * it the page is loaded again from the server rather than re-rendered in place.
 */
export function LocaleSwitchForm({
  target,
  label,
  className,
  children,
}: {
  target: string;
  label: string;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <form
      action={async (formData) => {
        await switchLocale(formData);
        window.location.reload();
      }}
    >
      <input type="hidden" name="locale" value={target} />
      <button type="submit" lang={target} aria-label={label} className={className}>
        {children}
      </button>
    </form>
  );
}
