"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const ROW_PX = 34;
const AXIS_PX = 32;

/**
 * Pass rates as horizontal bars, one row per chapter and role-play, so every item fits a phone's
 * width and the chart is as tall as its rows (no band under the axis). Hidden from assistive
 * technology: the table beside it carries the same numbers (both are drawn from one array on the server).
 */
export function PassRateChart({ data }: { data: { label: string; value: number | null }[] }) {
  const rows = data.map((d) => ({ label: d.label, value: d.value ?? 0 }));
  return (
    <div aria-hidden="true" className="w-full" style={{ height: rows.length * ROW_PX + AXIS_PX }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          barCategoryGap={6}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" height={24} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={112} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Bar dataKey="value" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
