/** Download links of one report in every format (the API answers with an attachment). */
export function Downloads({ href, label, small }: { href: string; label: string; small?: boolean }) {
  const formats = ["xlsx", "pdf", "csv", "json"] as const;
  const base = small ? "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50" : "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <div className={`flex flex-wrap items-center gap-1.5 ${small ? "mt-1" : ""}`} role="group" aria-label={label}>
      {!small && <span className="mr-1 text-sm text-slate-600">{label}</span>}
      {formats.map((f, i) => (
        <a key={f} href={`${href}&format=${f}`} download className={i === 0 && !small ? "rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" : base}>
          {f.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
