"use client";

import { useTranslations } from "next-intl";
import type { PublicItem } from "@/lib/assessment/attempt-items";
import { withoutTypeMarker } from "@/lib/assessment/type-marker";

/**
 * One drawn question: its prompt as the group's name and its options in the attempt's order,
 * radio buttons (or check boxes for multiple choice) whose values are the attempt's tokens.
 */
export function QuestionFieldset({
  item,
  number,
  picked,
  disabled = false,
  onChange,
  children,
}: {
  item: PublicItem;
  number: number;
  picked: readonly string[];
  disabled?: boolean;
  onChange: (tokens: string[]) => void;
  children?: React.ReactNode;
}) {
  const t = useTranslations("learn.check");
  const multiple = item.type === "multiple";
  function toggle(token: string, checked: boolean) {
    if (!multiple) onChange([token]);
    else onChange(checked ? [...picked, token] : picked.filter((x) => x !== token));
  }
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" disabled={disabled}>
      {/* Floated, so a long prompt sits inside the box instead of across its top border. */}
      <legend className="float-left w-full font-medium">
        {number}. {withoutTypeMarker(item.prompt)}{" "}
        <span className="ml-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs font-normal text-slate-700">
          {t(item.type)}
        </span>
      </legend>
      <div className="clear-left space-y-1 pt-2">
        {item.options.map((o) => (
          <label
            key={o.token}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md px-2 py-2 hover:bg-slate-50 has-[:checked]:bg-brand-50"
          >
            <input
              type={multiple ? "checkbox" : "radio"}
              name={item.key}
              value={o.token}
              checked={picked.includes(o.token)}
              onChange={(e) => toggle(o.token, e.target.checked)}
              className="mt-0.5 size-5 flex-none accent-brand-700"
            />
            <span className="min-w-0 flex-1">{o.text}</span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
