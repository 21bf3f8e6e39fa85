"use client";
import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { fill, type Locale } from "@/lib/i18n/client";
import { Notice } from "@/components/ui/controls";

type Message = { zh: string; en: string };
export type FormResult = { data: unknown } | { error: { code: string; message: Message; fields?: Record<string, string[]> } };

/**
 * A form posting to a server action that returns `{ data } | { error }` (lib/actions/mutation),
 * with the outcome shown beside it in the reader's language. It submits through a transition
 * rather than the form's `action`, so a refused input stays in the fields to be corrected.
 */
export function AdminForm({
  action,
  children,
  label,
  locale,
  saved,
  className,
  resetOnSuccess = false,
  redirectTo,
  compact = false,
  savedLink,
}: {
  action: (form: FormData) => Promise<FormResult>;
  children: ReactNode;
  label: string;
  locale: Locale;
  /** Shown after a successful save (omit for none); "{key}" is filled from the result's data. */
  saved?: string;
  /** A link shown with the success note: href and label, filled like `saved`. */
  savedLink?: { href: string; label: string };
  className?: string;
  resetOnSuccess?: boolean;
  /** After success, go here; "{key}" is filled from the result's data (e.g. "{id}"). */
  redirectTo?: string;
  /** Row buttons: a short message, no success note. */
  compact?: boolean;
}) {
  const [result, setResult] = useState<FormResult | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const error = result && "error" in result ? result.error : null;
  const fieldErrors = error?.fields ? Object.values(error.fields).flat() : [];
  return (
    <form
      aria-label={label}
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form, e.nativeEvent.submitter);
        start(async () => {
          const r = await action(data);
          setResult(r);
          if ("data" in r) {
            if (resetOnSuccess) form.reset();
            if (redirectTo) router.push(withData(redirectTo, r.data));
          }
        });
      }}
    >
      <fieldset disabled={pending} className={compact ? "contents" : "space-y-3"}>
        {children}
      </fieldset>
      {error && (
        <div role="alert" className={`${compact ? "mt-1 text-xs" : "mt-3 text-sm"} rounded bg-red-50 px-3 py-2 text-red-800`}>
          <p>{error.message[locale]}</p>
          {fieldErrors.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {[...new Set(fieldErrors)].map((m) => (
                <li key={m}>{locale === "zh" ? m.split(" / ")[0] : (m.split(" / ")[1] ?? m)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!compact && saved && result && "data" in result && (
        <Notice tone="ok" role="status" className="mt-3">
          ✓ {withData(saved, result.data)}
          {savedLink && (
            <a href={withData(savedLink.href, result.data)} className="ml-2 font-medium text-brand-700 underline">
              {withData(savedLink.label, result.data)}
            </a>
          )}
        </Notice>
      )}
    </form>
  );
}

/** Fills "{key}" from a result's data; a list counts as its length. */
function withData(template: string, data: unknown): string {
  const vars: Record<string, string | number> = {};
  if (data && typeof data === "object")
    for (const [k, v] of Object.entries(data)) vars[k] = Array.isArray(v) ? v.length : typeof v === "number" || typeof v === "string" ? v : "";
  return fill(template, vars);
}
