"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Pass rates as bars. Hidden from assistive technology: the table beside it carries the same
 * numbers (both are drawn from one array on the server).
 */
export function PassRateChart({ data }: { data: { label: string; value: number | null }[] }) {
  const rows = data.map((d) => ({ label: d.label, value: d.value ?? 0 }));
  return (
    <div aria-hidden="true" className="h-72 w-full min-w-[32rem]">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 16, bottom: 64, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            interval={0}
            angle={-30}
            textAnchor="end"
            height={70}
            tick={{ fontSize: 12 }}
          />
          <YAxis domain={[0, 100]} unit="%" width={48} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Bar dataKey="value" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
