/** A tiny month-by-month trend line (server-rendered SVG); gaps where nothing was reported. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const nums = values.filter((v): v is number => v != null);
  if (nums.length === 0) return <span className="text-xs text-slate-400">—</span>;
  const w = 84;
  const h = 22;
  const max = Math.max(...nums);
  const min = Math.min(0, ...nums);
  const x = (i: number) => (values.length <= 1 ? w / 2 : (i / (values.length - 1)) * (w - 4) + 2);
  const y = (v: number) => h - 2 - ((v - min) / (max - min || 1)) * (h - 4);
  const points = values.map((v, i) => (v == null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(" ");
  return (
    <svg width={w} height={h} role="img" aria-label={label} className="text-brand-600">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      {values.map((v, i) => (v == null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="1.8" fill="currentColor" />))}
    </svg>
  );
}
