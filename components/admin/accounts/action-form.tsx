"use client";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions";
import type { Locale } from "@/lib/i18n";
import { fill } from "@/lib/i18n/client";
import { Button, TextLink } from "@/components/ui/controls";

type Data = { id?: number; username?: string; password?: string | null };
type State = ActionResult<unknown> | null;

/**
 * A form posting to a server action that returns { data } | { error }. Submitting through
 * onSubmit keeps what was typed when the server refuses it (a form action resets the form either
 * way); the fields are cleared after a success when `resetOnSuccess` is set. A password the server
 * generated is shown once, from the action's answer only.
 */
export function ActionForm({
  action,
  label,
  children,
  submit,
  success,
  oneTime,
  confirmLabel,
  openLabel,
  openHref,
  resetOnSuccess,
  locale,
  className = "space-y-3",
  fieldsClassName = "space-y-3",
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  label: string;
  children: ReactNode;
  submit?: string;
  success?: string;
  oneTime?: string;
  confirmLabel?: string;
  openLabel?: string;
  openHref?: string;
  resetOnSuccess?: boolean;
  locale: Locale;
  className?: string;
  fieldsClassName?: string;
}) {
  const [state, setState] = useState<State>(null);
  const [pending, startTransition] = useTransition();
  // Bumped after a success to remount the fields (their own state too, e.g. the office picker).
  const [generation, setGeneration] = useState(0);

  function submitForm(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const r = await action(null, data);
      setState(r);
      if (r && "data" in r && resetOnSuccess) setGeneration((g) => g + 1);
    });
  }

  const error = state && "error" in state ? state.error : null;
  const data = state && "data" in state ? (state.data as Data) : null;

  return (
    <form onSubmit={submitForm} className={className} aria-label={label}>
      <div key={generation} className={fieldsClassName}>{children}</div>
      {error && (
        <div role="alert" className={`rounded px-3 py-2 text-sm ${error.fields?.confirm ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800"}`}>
          <p>{error.message[locale]}</p>
          {error.fields && !error.fields.confirm && (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {Object.values(error.fields).flat().map((m, i) => (
                <li key={i}>{m.split(" / ")[locale === "zh" ? 0 : 1] ?? m}</li>
              ))}
            </ul>
          )}
          {error.fields?.confirm && confirmLabel && (
            <Button type="submit" name="confirm" value="1" disabled={pending} variant="secondary" className="mt-2">{confirmLabel}</Button>
          )}
        </div>
      )}
      {data && (success || oneTime) && (
        <div role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {success && <p>✓ {fill(success, { u: data.username ?? "" })}</p>}
          {oneTime && data.password && (
            <p className="mt-1">
              {oneTime} <code className="select-all rounded bg-white px-1.5 py-0.5 font-mono text-base ring-1 ring-emerald-200" aria-label={oneTime}>{data.password}</code>
            </p>
          )}
          {openLabel && openHref && data.id != null && (
            <p className="mt-1"><TextLink href={openHref.replace("{id}", String(data.id))}>{openLabel} →</TextLink></p>
          )}
        </div>
      )}
      {submit && <Button type="submit" disabled={pending}>{submit}</Button>}
    </form>
  );
}
