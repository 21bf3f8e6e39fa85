"use client";
// The one chart wrapper (Recharts): every chart of the app is built here, readable in Chinese,
// with a legend whose entries carry an icon and a word, and tooltips that state the numbers.
import { LIGHT_ICONS } from "@/components/status/light-badge";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export const LIGHT_COLOURS = {
  green: "#059669", yellow: "#d97706", red: "#dc2626", blue: "#0284c7", overdue: "#7f1d1d", nodata: "#94a3b8", pending: "#cbd5e1", none: "#e2e8f0",
} as const;
type LightKey = keyof typeof LIGHT_COLOURS;

export function LightBars({ data, labels, height }: { data: ({ name: string } & Partial<Record<LightKey, number>>)[]; labels: Record<LightKey, string>; height?: number }) {
  const keys = (Object.keys(LIGHT_COLOURS) as LightKey[]).filter((k) => data.some((d) => (d[k] ?? 0) > 0));
  return (
    <div style={{ width: "100%", height: height ?? Math.max(160, data.length * 34 + 60) }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, n) => [`${String(v)} 个`, String(n)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {keys.map((k) => (
            <Bar key={k} dataKey={k} stackId="lights" fill={LIGHT_COLOURS[k]} name={`${LIGHT_ICONS[k]} ${labels[k]}`} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RateBars({ data, rateLabel, timeLabel }: { data: { name: string; rate: number; time: number }[]; rateLabel: string; timeLabel: string }) {
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <div style={{ width: "100%", height: data.length * 44 + 70 }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 1]} tickFormatter={pct} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, n) => [pct(Number(v)), String(n)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="rate" name={`▮ ${rateLabel}`} fill="#1d4ed8" isAnimationActive={false} />
          <Bar dataKey="time" name={`▯ ${timeLabel}`} fill="#cbd5e1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Self-evaluation totals out of 100, one bar per form, with the grade bands as reference lines. */
export function ScoreBars({ data, label }: { data: { name: string; total: number; grade: string }[]; label: string }) {
  const colour = (g: string) => (g === "优" ? "#059669" : g === "良" ? "#0284c7" : g === "中" ? "#d97706" : "#dc2626");
  return (
    <div style={{ width: "100%", height: data.length * 40 + 60 }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 40, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 60, 80, 90, 100]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, _n, item) => [`${Number(v).toFixed(2)}（${(item.payload as { grade: string }).grade}）`, label]} />
          <Bar dataKey="total" name={label} isAnimationActive={false} label={{ position: "right", fontSize: 12, formatter: (v: unknown) => Number(v).toFixed(1) }}>
            {data.map((d) => <Cell key={d.name} fill={colour(d.grade)} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Reported values against the expected path, month by month (indicator page). */
export function PathChart({ data, actualLabel, expectedLabel, unit }: { data: { month: string; actual: number | null; expected: number | null }[]; actualLabel: string; expectedLabel: string; unit: string }) {
  return (
    <div style={{ width: "100%", height: 260 }}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={70} />
          <Tooltip formatter={(v, n) => [`${String(v)}${unit}`, String(n)]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="expected" name={`┄ ${expectedLabel}`} stroke="#94a3b8" strokeDasharray="5 4" dot={false} isAnimationActive={false} connectNulls />
          <Line type="monotone" dataKey="actual" name={`● ${actualLabel}`} stroke="#1d4ed8" strokeWidth={2} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
