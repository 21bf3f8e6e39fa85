"use client";
// The one table wrapper (TanStack Table): sorting, column choice and pagination, with the view
// (sort, page, columns) kept in the URL beside the server-side filters, so a link reproduces it.
import { useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { Table } from "@/components/ui/controls";

export type DataTableLabels = { columns: string; page: string; prev: string; next: string; rows: string };

export function DataTable<T>({ data, columns, labels, pageSize = 50, caption }: { data: T[]; columns: ColumnDef<T>[]; labels: DataTableLabels; pageSize?: number; caption: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const sorting: SortingState = useMemo(() => {
    const s = params.get("sort");
    if (!s) return [];
    const [id, dir] = s.split(".");
    return [{ id, desc: dir === "desc" }];
  }, [params]);
  const visibility: VisibilityState = useMemo(() => {
    const hidden = params.get("cols")?.split(",").filter(Boolean) ?? [];
    return Object.fromEntries(hidden.map((c) => [c, false]));
  }, [params]);
  const pageIndex = Math.max(0, Number(params.get("page") ?? "1") - 1);

  const push = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) if (v == null || v === "") next.delete(k); else next.set(k, v);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  // First direction (largest first for numbers), then the other, then unsorted; computed from the URL's
  // state so quick clicks never act on a stale sort.
  const cycleSort = (id: string, current: false | "asc" | "desc", first: "asc" | "desc") => {
    const next = !current ? first : current === first ? (first === "asc" ? "desc" : "asc") : null;
    push({ sort: next ? `${id}.${next}` : null, page: null });
  };

  const table = useReactTable({
    data,
    columns,
    state: { sorting, columnVisibility: visibility, pagination: { pageIndex, pageSize } },
    onSortingChange: (u) => {
      const s = typeof u === "function" ? u(sorting) : u;
      push({ sort: s[0] ? `${s[0].id}.${s[0].desc ? "desc" : "asc"}` : null, page: null });
    },
    onColumnVisibilityChange: (u) => {
      const v = typeof u === "function" ? u(visibility) : u;
      push({ cols: Object.entries(v).filter(([, on]) => !on).map(([k]) => k).join(",") || null });
    },
    onPaginationChange: (u) => {
      const p = typeof u === "function" ? u({ pageIndex, pageSize }) : u;
      push({ page: p.pageIndex > 0 ? String(p.pageIndex + 1) : null });
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });

  return (
    <div>
      <details className="mb-2 text-sm">
        <summary className="cursor-pointer text-slate-600">{labels.columns}</summary>
        <div className="mt-2 flex flex-wrap gap-3">
          {table.getAllLeafColumns().map((c) => (
            <label key={c.id} className="flex items-center gap-1">
              <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />
              {typeof c.columnDef.header === "string" ? c.columnDef.header : c.id}
            </label>
          ))}
        </div>
      </details>
      <Table label={caption}>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th key={h.id} aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}>
                      {h.column.getCanSort() ? (
                        <button type="button" onClick={() => cycleSort(h.column.id, h.column.getIsSorted(), h.column.getFirstSortDir())} className="flex items-center gap-1 font-semibold">
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true" className="text-slate-400">{dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : flexRender(h.column.columnDef.header, h.getContext())}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr key={r.id}>
                {r.getVisibleCells().map((c) => <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>)}
              </tr>
            ))}
          </tbody>
        </Table>
      <div className="mt-3 flex items-center gap-3 text-sm">
        <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>{labels.prev}</button>
        <span>{labels.page} {pageIndex + 1} / {Math.max(1, table.getPageCount())} · {data.length} {labels.rows}</span>
        <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>{labels.next}</button>
      </div>
    </div>
  );
}
