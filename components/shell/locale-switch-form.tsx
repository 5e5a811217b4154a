"use client";

/**
 * The language lives in a cookie and picks the page's locale segment in proxy.ts, so after saving
 * it the page is loaded again from the server rather than re-rendered in place.
 */
export function LocaleSwitchForm({
  action,
  target,
  label,
  className,
  children,
}: {
  action: (formData: FormData) => Promise<void>;
  target: string;
  label: string;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <form
      action={async (formData) => {
        await action(formData);
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
