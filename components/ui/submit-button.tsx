"use client";

import { useFormStatus } from "react-dom";
import { type ButtonTone, buttonClass } from "./button";

export function SubmitButton({
  children,
  pendingLabel,
  className = "",
  tone = "primary",
  fullWidth = false,
  pending: pendingProp,
  disabled = false,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  tone?: ButtonTone;
  fullWidth?: boolean;
  /** For a form submitted from onSubmit (no form action, so useFormStatus never sees it pending). */
  pending?: boolean;
  /** Not yet usable (a form whose handler is not attached yet). */
  disabled?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <button
      type="submit"
      disabled={disabled}
      aria-disabled={pending}
      onClick={(e) => pending && e.preventDefault()}
      className={`${fullWidth ? "w-full" : ""} ${buttonClass(tone, "lg")} ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
