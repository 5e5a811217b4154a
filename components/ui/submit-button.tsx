"use client";

import { useFormStatus } from "react-dom";

const TONES = {
  primary: "bg-brand-700 hover:bg-brand-800",
  danger: "bg-red-700 hover:bg-red-800",
};

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
  tone?: keyof typeof TONES;
  fullWidth?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      onClick={(e) => pending && e.preventDefault()}
      className={`${fullWidth ? "w-full" : ""} rounded-md px-4 py-2.5 font-medium text-white aria-disabled:opacity-60 ${TONES[tone]} ${className}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
