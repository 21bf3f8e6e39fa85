// The small set of primitives the pages repeat (buttons, form controls, labels, links, notices, hints,
// plain tables), so each look is written once. They render the same elements and attributes as the
// hand-written markup they replace: labels wrap their control, roles and names pass through.
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

const cx = (...c: (string | false | null | undefined)[]) => c.filter(Boolean).join(" ");

const buttonVariants = {
  primary: "rounded bg-brand-600 font-medium text-white hover:bg-brand-700",
  secondary: "rounded border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
  danger: "rounded border border-red-300 bg-white text-red-800 hover:bg-red-50",
} as const;
const buttonSizes = { xs: "px-2 py-0.5 text-xs", sm: "px-2 py-1 text-xs", md: "px-3 py-1.5 text-sm", lg: "px-4 py-2 text-sm" } as const;
export type ButtonVariant = keyof typeof buttonVariants;
export type ButtonSize = keyof typeof buttonSizes;

/** The classes of a button (also for links and summaries that look like one). */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string) {
  return cx(buttonVariants[variant], buttonSizes[size], "disabled:cursor-not-allowed disabled:opacity-50", className);
}

export function Button({ variant, size, className, ...props }: ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button {...props} className={buttonClass(variant, size, className)} />;
}

/** A link styled as a button. */
export function ButtonLink({ variant = "secondary", size, className, ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <Link {...props} className={buttonClass(variant, size, cx("inline-flex items-center gap-1", className))} />;
}

/** The one look of a text box, select or text area in a form. */
export const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const labelClass = "block text-xs text-slate-600";

/** A label over its control (block), or beside the next filter (`inline`). */
export function Label({ inline, className, ...props }: ComponentProps<"label"> & { inline?: boolean }) {
  return <label {...props} className={cx(inline ? "text-xs text-slate-600" : labelClass, className)} />;
}

type Extra = { label: ReactNode; hint?: ReactNode; error?: ReactNode; labelClassName?: string };

function Wrap({ label, hint, error, labelClassName, children }: Extra & { children: ReactNode }) {
  return (
    <Label className={labelClassName}>
      {label}
      {children}
      {hint && <Hint as="span" className="mt-1 block">{hint}</Hint>}
      {error && <FieldError>{error}</FieldError>}
    </Label>
  );
}

export function Input({ label, hint, error, labelClassName, className, ...props }: ComponentProps<"input"> & Extra) {
  return <Wrap {...{ label, hint, error, labelClassName }}><input {...props} className={cx(inputClass, className)} /></Wrap>;
}

export function Select({ label, hint, error, labelClassName, className, ...props }: ComponentProps<"select"> & Extra) {
  return <Wrap {...{ label, hint, error, labelClassName }}><select {...props} className={cx(inputClass, className)} /></Wrap>;
}

export function Textarea({ label, hint, error, labelClassName, className, ...props }: ComponentProps<"textarea"> & Extra) {
  return <Wrap {...{ label, hint, error, labelClassName }}><textarea {...props} className={cx(inputClass, className)} /></Wrap>;
}

export function FieldError({ children }: { children: ReactNode }) {
  return <span className="mt-1 block text-sm text-red-700">{children}</span>;
}

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={cx("text-brand-700 hover:underline", className)} />;
}

/** Small grey text under or beside something (a code, a unit, a note). */
export function Hint({ as: Tag = "div", className, children, ...props }: { as?: "div" | "p" | "span" | "li"; className?: string; children: ReactNode; id?: string; title?: string }) {
  return <Tag {...props} className={cx("text-xs text-slate-500", className)}>{children}</Tag>;
}

const noticeTones = { error: "bg-red-50 text-red-800", ok: "bg-emerald-50 text-emerald-800" } as const;

/** The boxed message after an action or above a form. */
export function Notice({ tone, className, ...props }: ComponentProps<"p"> & { tone: keyof typeof noticeTones }) {
  return <p {...props} className={cx("rounded px-3 py-2 text-sm", noticeTones[tone], className)} />;
}

/** A plain table in the house style (`grid-table`), scrolling sideways when it is wider than the page. */
export function Table({ label, scroll = true, className, children }: { label?: string; scroll?: boolean; className?: string; children: ReactNode }) {
  const table = <table className="grid-table" aria-label={label}>{children}</table>;
  return scroll ? <div className={cx("overflow-x-auto", className)}>{table}</div> : table;
}
