"use client";

import { useFormStatus } from "react-dom";
import { type ButtonTone, buttonClass } from "./button";

export function SubmitButton({
  children,
  pendingLabel,
  className = "",
  tone = "primary",
  fullWidth = false,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  tone?: ButtonTone;
  fullWidth?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      onClick={(e) => pending && e.preventDefault()}
      className={`${fullWidth ? "w-full" : ""} ${buttonClass(tone, "lg")} ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
