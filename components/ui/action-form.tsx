"use client";

import { useActionState } from "react";
import { type ActionError, isActionError } from "@/lib/action-state";

type State = { status: string } | ActionError;

/** Any server action made with authorizedAction, whatever its state (for props that only run it). */
export type FormAction = (previous: never, formData: FormData) => Promise<State>;

/**
 * A form whose only job is to run a server action (sign out, mark read, single sign-on): server
 * components put their buttons inside it. An error the action returns is announced under the form.
 */
export function ActionForm({
  action,
  className,
  children,
}: {
  action: FormAction;
  className?: string;
  children: React.ReactNode;
}) {
  const [state, run] = useActionState(action as (previous: State, formData: FormData) => Promise<State>, {
    status: "idle",
  });
  return (
    <form action={run} className={className}>
      {children}
      {isActionError(state) && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
