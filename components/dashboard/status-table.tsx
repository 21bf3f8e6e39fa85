"use client";
import type { ColumnDef } from "@tanstack/react-table";
import type { Messages } from "@/lib/i18n";
import { LIGHT_ORDER, type Light } from "@/lib/status";
import type { StatusRow } from "@/lib/dashboard";
import { DataTable } from "@/components/ui/data-table";
import { LightBadge } from "@/components/status/light-badge";
import { TextLink } from "@/components/ui/controls";


export function StatusTable({ rows, t, month }: { rows: StatusRow[]; t: Messages; month: number }) {
  const columns: ColumnDef<StatusRow>[] = [
    { id: "table", accessorKey: "table", header: t.grid.table },
    { id: "project", accessorKey: "project", header: t.grid.project },
    { id: "level1", accessorKey: "level1", header: t.grid.level1 },
    { id: "level2", accessorKey: "level2", header: t.grid.level2 },
    {
      id: "level3", accessorKey: "level3", header: t.grid.level3,
      cell: (c) => <TextLink href={`/indicators/${c.row.original.id}?month=${month}`}>{c.row.original.level3}</TextLink>,
    },
    { id: "office", accessorKey: "office", header: t.report.office },
    { id: "target", accessorKey: "target", header: t.report.target },
    { id: "latest", accessorKey: "latest", header: t.report.latest },
    {
      // Rows without a ratio (not reported, qualitative) stay at the bottom whichever the direction.
      id: "achievement", accessorFn: (r) => r.achievement ?? undefined, header: t.dashboardTable.achievement, sortUndefined: "last",
      cell: (c) => (c.row.original.achievement == null ? "—" : `${Math.floor(c.row.original.achievement * 1000) / 10}%`),
    },
    {
      id: "light", accessorKey: "light", header: t.report.light,
      sortingFn: (a, b) => LIGHT_ORDER.indexOf(a.original.light as Light) - LIGHT_ORDER.indexOf(b.original.light as Light),
      cell: (c) => <span title={c.row.original.explanation}><LightBadge light={c.row.original.light as Light} t={t} /></span>,
    },
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption={t.dashboardTable.title}
      labels={{ columns: t.dashboardTable.columns, page: t.dashboardTable.page, prev: t.dashboardTable.prev, next: t.dashboardTable.next, rows: t.dashboardTable.rows }}
    />
  );
}
