"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table } from "@/components/ui/table";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type AssignSelectionState, assignSelectionAction } from "./actions";

type Person = {
  id: string;
  name: string;
  employeeNo: string;
  branch: string;
  score: string;
  passed: boolean;
  attempts: number;
  /** Below the threshold: ticked at first. */
  below: boolean;
};

type Labels = Record<
  | "caption"
  | "name"
  | "employeeNo"
  | "branch"
  | "score"
  | "attempts"
  | "state"
  | "below"
  | "ok"
  | "select"
  | "empty"
  | "submit"
  | "selectBelow"
  | "selectNone"
  | "scrollHint",
  string
>;

const td = "px-3 py-2 whitespace-nowrap";

/** The people of a report cell with a tick for each (those below the threshold ticked), a due date and one submit. */
export function AssignSelection({
  branchId,
  itemType,
  itemSlug,
  minDate,
  people,
  labels,
}: {
  branchId: string;
  itemType: "chapter" | "scenario";
  itemSlug: string;
  minDate: string;
  people: Person[];
  labels: Labels;
}) {
  const t = useTranslations("assign");
  const [state, action, pending] = useActionState<AssignSelectionState | ActionError, FormData>(
    assignSelectionAction,
    { status: "idle" },
  );
  const [picked, setPicked] = useState(() => new Set(people.filter((p) => p.below).map((p) => p.id)));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const toggle = (id: string, on: boolean) =>
    setPicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
      className="space-y-4"
    >
      <input type="hidden" name="branchId" value={branchId} />
      <input type="hidden" name="itemType" value={itemType} />
      <input type="hidden" name="itemSlug" value={itemSlug} />
      <div className="flex flex-wrap gap-3 text-sm">
        <button
          type="button"
          className="text-brand-700 underline"
          onClick={() => setPicked(new Set(people.filter((p) => p.below).map((p) => p.id)))}
        >
          {labels.selectBelow}
        </button>
        <button type="button" className="text-brand-700 underline" onClick={() => setPicked(new Set())}>
          {labels.selectNone}
        </button>
      </div>
      <Table
        caption={labels.caption}
        showCaption
        testId="cell-people"
        scrollHint={labels.scrollHint}
        columns={[
          labels.name,
          labels.employeeNo,
          labels.branch,
          { label: labels.score, align: "right" },
          { label: labels.attempts, align: "right" },
          labels.state,
        ]}
        isEmpty={people.length === 0}
        empty={labels.empty}
      >
        {people.map((p) => (
          <tr key={p.id} className={p.below ? "" : "text-slate-600"}>
            <th scope="row" className={`${td} text-left font-normal`}>
              <span className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="userId"
                  value={p.id}
                  checked={picked.has(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                  aria-label={`${labels.select} ${p.name}`}
                  className="size-4"
                />
                <Link href={`/reports/people/${p.id}`} className="text-brand-700 underline">
                  {p.name}
                </Link>
              </span>
            </th>
            <td className={`${td} font-mono`}>{p.employeeNo}</td>
            <td className={td}>{p.branch}</td>
            <td className={`${td} text-right tabular-nums`}>{p.score}</td>
            <td className={`${td} text-right tabular-nums`}>{p.attempts}</td>
            <td className={`${td} ${p.below ? "font-medium text-red-800" : ""}`}>
              {p.below ? labels.below : labels.ok}
            </td>
          </tr>
        ))}
      </Table>
      {people.length > 0 && (
        <div className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <Field id="cell-due" label={t("dueDate")} type="date" name="dueDate" required min={minDate} />
          <SubmitButton
            pending={pending}
            disabled={!hydrated || picked.size === 0}
            pendingLabel={t("assigning")}
          >
            {labels.submit}
          </SubmitButton>
          <p role="status" className={state.status === "assigned" ? "text-emerald-800" : "text-red-800"}>
            {outcomeText(state, (s) =>
              s.status === "assigned" ? t("result.assigned", { count: s.count }) : "",
            )}
          </p>
        </div>
      )}
    </form>
  );
}
