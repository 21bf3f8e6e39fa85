// One look for the admin forms (the same classes as the other admin and reporting forms).
export const field = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const labelCls = "block text-xs text-slate-600";
export const primary = "rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50";
export const secondary = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-50";
export const small = "rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50";
export const danger = "rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 disabled:opacity-50";
