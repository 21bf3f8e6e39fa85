"use server";
import { revalidatePath } from "next/cache";
import { assignOffice, createGoal, createIndicator, createProject, moveRow, removeOffice, setAggregation, setRetired, updateGoal, updateIndicator, updateProject, reviseTarget } from "@/lib/indicator";
import { rollover } from "@/lib/admin";

// Thin bridges from the admin's forms to lib/admin: each returns `{ data } | { error }` and, on
// success, refreshes the pages that show what changed.

const fields = (form: FormData) => Object.fromEntries(form);

function done<T extends { data: unknown } | { error: unknown }>(r: T, indicatorId?: number): T {
  if ("data" in r) {
    revalidatePath("/admin/tables", "layout");
    revalidatePath("/admin/quality");
    if (indicatorId) revalidatePath(`/indicators/${indicatorId}`);
  }
  return r;
}

const idOf = (form: FormData) => Number(form.get("indicatorId")) || undefined;

export async function createIndicatorAction(form: FormData) {
  return done(await createIndicator(fields(form)));
}
export async function updateIndicatorAction(form: FormData) {
  return done(await updateIndicator(fields(form)), idOf(form));
}
export async function assignOfficeAction(form: FormData) {
  return done(await assignOffice(fields(form)), idOf(form));
}
export async function removeOfficeAction(form: FormData) {
  return done(await removeOffice(fields(form)), idOf(form));
}
export async function setAggregationAction(form: FormData) {
  return done(await setAggregation(fields(form)), idOf(form));
}
export async function reviseTargetAction(form: FormData) {
  return done(await reviseTarget(fields(form)), idOf(form));
}
export async function moveRowAction(form: FormData) {
  return done(await moveRow(fields(form)));
}
export async function setRetiredAction(form: FormData) {
  const r = await setRetired(fields(form));
  return done(r, form.get("entity") === "indicator" ? Number(form.get("id")) : undefined);
}
export async function createGoalAction(form: FormData) {
  return done(await createGoal(fields(form)));
}
export async function updateGoalAction(form: FormData) {
  return done(await updateGoal(fields(form)));
}
export async function createProjectAction(form: FormData) {
  return done(await createProject(fields(form)));
}
export async function updateProjectAction(form: FormData) {
  return done(await updateProject(fields(form)));
}
export async function rolloverAction(form: FormData) {
  const r = await rollover({ from: form.get("from"), to: form.get("to"), projects: form.getAll("projects").map(String) });
  if ("data" in r) revalidatePath("/", "layout");
  return r;
}

/** One form per table row: 上移 / 下移 / 停用 / 恢复, told apart by the button pressed (`op`). */
export async function rowAction(form: FormData) {
  const op = form.get("op");
  const base = { entity: form.get("entity"), id: form.get("id") };
  if (op === "up" || op === "down") return done(await moveRow({ ...base, direction: op }));
  const r = await setRetired({ ...base, action: op });
  return done(r, base.entity === "indicator" ? Number(base.id) : undefined);
}

/** One form per responsible office: change its role (保存) or take it off (移除). */
export async function officeRowAction(form: FormData) {
  if (form.get("op") === "remove") return removeOfficeAction(form);
  return assignOfficeAction(form);
}
