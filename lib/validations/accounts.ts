import { z } from "zod";

// Accounts and organisations (admin only). One schema per operation; messages in both languages.

/**
 * The roles a department's admin gives. The finance bureau's accounts (role finance: every
 * department, no offices) are the installation's to make (`cli finance create`), not a
 * department admin's: one would grant itself the whole city.
 */
export const DEPARTMENT_ROLES = ["admin", "manager", "evaluator", "reporter"] as const;
export const PASSWORD_MIN = 10;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const id = z.coerce.number({ error: "请选择 / Choose one" }).int().positive();

/** Lower-case only: sign-in compares usernames exactly, and the sign-in limit counts them lower-cased. */
const username = z
  .string()
  .trim()
  .min(2, { error: "用户名至少2个字符 / At least 2 characters" })
  .max(64, { error: "用户名最多64个字符 / At most 64 characters" })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: "用户名只能用小写字母、数字和 . _ - / Lower-case letters, digits and . _ - only" });

const personName = z
  .string()
  .trim()
  .min(1, { error: "请填写姓名 / Enter a name" })
  .max(64, { error: "姓名最多64个字符 / At most 64 characters" });

export const password = z
  .string()
  .min(PASSWORD_MIN, { error: `密码至少${PASSWORD_MIN}个字符 / At least ${PASSWORD_MIN} characters` })
  .max(256, { error: "密码最多256个字符 / At most 256 characters" });

/** Blank: the server generates one and shows it once. */
const optionalPassword = z.preprocess((v) => (v === "" ? undefined : v), password.optional());

/** Checkboxes arrive as one string or several; the API sends an array. */
const orgIds = z.preprocess(
  (v): unknown[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(id).max(100, { error: "最多100个单位 / At most 100 offices" }).transform((a) => [...new Set(a)]),
);

const role = z.enum(DEPARTMENT_ROLES, { error: "部门账户只能是管理员、管理人员、评价人员或填报员 / A department's account is an admin, manager, evaluator or reporter" });
const reporterNeedsOffice = { error: "填报员必须至少选择一个负责单位 / A reporter needs at least one office", path: ["orgIds"] };

export const createUserInput = z
  .object({ username, name: personName, role, orgIds, password: optionalPassword })
  .refine((v) => v.role !== "reporter" || v.orgIds.length > 0, reporterNeedsOffice);
export type CreateUserInput = z.infer<typeof createUserInput>;

/** A finance bureau account (the CLI's): a username and a name; it has no department and no offices. */
export const createFinanceInput = z.object({ username, name: personName });

/** A department's account stays one: it cannot become the finance bureau's. */
export const updateUserInput = z
  .object({ userId: id, name: personName, role, orgIds })
  .refine((v) => v.role !== "reporter" || v.orgIds.length > 0, reporterNeedsOffice);

export const resetPasswordInput = z.object({ userId: id, password: optionalPassword });

export const userStatusInput = z.object({ userId: id, action: z.enum(["disable", "enable"]) });

export const revokeTokenInput = z.object({ userId: id });

const orgName = z
  .string()
  .trim()
  .min(2, { error: "名称至少2个字符 / At least 2 characters" })
  .max(100, { error: "名称最多100个字符 / At most 100 characters" });
const shortName = z.preprocess(
  blankToUndefined,
  z.string().trim().max(40, { error: "简称最多40个字符 / At most 40 characters" }).optional(),
);

export const createOrgInput = z.object({
  name: orgName,
  shortName,
  code: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{1,32}$/, { error: "代码只能用字母、数字和 - / Letters, digits and - only" })
      .optional(),
  ),
  kind: z.enum(["unit", "division"], { error: "请选择类型 / Choose a kind" }),
  parentId: z.preprocess(blankToUndefined, id.optional()),
});

export const renameOrgInput = z.object({ orgId: id, name: orgName, shortName });

export const addAliasInput = z.object({
  orgId: id,
  alias: z
    .string()
    .trim()
    .min(2, { error: "别名至少2个字符 / At least 2 characters" })
    .max(100, { error: "别名最多100个字符 / At most 100 characters" }),
  /** Set when the admin has seen that another office uses the alias and adds it anyway. */
  confirm: z.preprocess((v) => v === true || v === "1" || v === "true", z.boolean()).default(false),
});

export const removeAliasInput = z.object({ aliasId: id });
