// Small building blocks shared by the pages: labelled fields with their
// errors, the error banner with Retry, the confirmation dialog, countdowns.
import {
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { ApiError } from "./api/errors";

/** Sets the document's title for a page ("Tasks · Todo"). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Todo`;
  }, [title]);
}

/** Seconds left of a wait that started at `seconds` (null: no wait); ticks every second. */
export function useCountdown(seconds: number | null, startedAt: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (seconds === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [seconds, startedAt]);
  if (seconds === null) return null;
  return Math.max(0, Math.ceil(seconds - (now - startedAt) / 1000));
}

interface FieldShellProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A label above its control, a hint and an error below, tied by aria-describedby. */
function FieldShell({ label, error, hint, className, children }: FieldShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { label: string; error?: string | undefined; hint?: string | undefined; className?: string };

export function TextField({
  label,
  error,
  hint,
  className,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <FieldShell label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {({ id, describedBy, invalid }) => (
        <input
          {...input}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...textarea
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <FieldShell label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {({ id, describedBy, invalid }) => (
        <textarea
          {...textarea}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  options,
  ...select
}: Common & {
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <FieldShell label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {({ id, describedBy, invalid }) => (
        <select {...select} id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * An error that is not about one field: a role="alert" banner with the
 * message; "Retry" when the failure may pass (503, network); a countdown
 * for 429.
 */
export function ErrorBanner({
  error,
  onRetry,
  startedAt,
}: {
  error: ApiError;
  onRetry?: (() => void) | undefined;
  startedAt: number;
}) {
  const left = useCountdown(error.kind === "rate_limited" ? error.retryAfter : null, startedAt);
  let message = error.message;
  if (error.kind === "rate_limited") {
    message = left === null ? "Too many attempts. Try again later." : left > 0 ? `Too many attempts. Try again in ${left} s` : "You can try again now.";
  }
  return (
    <div className="banner banner--error" role="alert">
      <p>
        <span aria-hidden="true">⚠ </span>
        {message}
      </p>
      {onRetry && error.retryable && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/**
 * A modal confirmation: the native <dialog> (role dialog, focus kept inside,
 * Escape cancels), named by its heading; focus goes to Cancel on opening and
 * back to the element that opened it on closing.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      // Back to what opened it; when that is gone (the task was deleted), to the page's heading.
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>("main h1")?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** A failed call as a page shows it: the error, when it happened (for a countdown), how to retry. */
export interface Failure {
  error: ApiError;
  at: number;
  retry?: (() => void) | undefined;
}

export function failureOf(error: ApiError, retry?: () => void): Failure {
  return { error, at: Date.now(), retry };
}

/** The messages of a 422 that no field on the form shows (e.g. "body"). */
export function unplacedFieldErrors(error: ApiError | null, placed: readonly string[]): string[] {
  if (!error || error.kind !== "validation") return [];
  return Object.entries(error.fields)
    .filter(([field]) => !placed.includes(field))
    .map(([field, msg]) => `${field}: ${msg}`);
}

/** A form's 422 problems that belong to none of its fields, as one alert. */
export function FormProblems({ error, fields }: { error: ApiError | null; fields: readonly string[] }) {
  const problems = unplacedFieldErrors(error, fields);
  if (problems.length === 0) return null;
  return (
    <p className="banner banner--error" role="alert">
      {problems.join(". ")}
    </p>
  );
}

/** After a failed submit, focus the first field marked invalid (its error is read with it). */
export function useFocusFirstInvalid(form: { current: HTMLFormElement | null }, error: ApiError | null): void {
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}
