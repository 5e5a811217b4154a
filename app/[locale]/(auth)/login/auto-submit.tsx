"use client";

import { useEffect, useRef } from "react";

/** Submits the form it sits in once, on load: sign-in inside the WeCom app needs no click. */
export function AutoSubmit({ label }: { label: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.closest("form")?.requestSubmit();
  }, []);
  return (
    <p ref={ref} role="status" className="mt-2 text-sm text-slate-600">
      {label}
    </p>
  );
}
