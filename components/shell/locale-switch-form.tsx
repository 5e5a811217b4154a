"use client";

import { useActionState, useEffect } from "react";
import type { FormAction } from "@/components/ui/action-form";

type State = Awaited<ReturnType<FormAction>>;

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
  action: FormAction;
  target: string;
  label: string;
  className: string;
  children: React.ReactNode;
}) {
  const [state, run] = useActionState(action as (previous: State, formData: FormData) => Promise<State>, {
    status: "idle",
  });
  useEffect(() => {
    if (state.status === "switched") window.location.reload();
  }, [state]);
  return (
    <form action={run}>
      <input type="hidden" name="locale" value={target} />
      <button type="submit" lang={target} aria-label={label} className={className}>
        {children}
      </button>
    </form>
  );
}
