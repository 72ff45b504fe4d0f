// The task form, for creating (labelled "New task") and for editing in place.
import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "../api/errors";
import { PRIORITIES, type Priority, type Task, type TaskCreate, type TaskUpdate } from "../api/types";
import {
  SelectField,
  TextAreaField,
  TextField,
  FormProblems,
  useFocusFirstInvalid,
} from "../components";

export interface TaskFormValues {
  title: string;
  description: string;
  priority: Priority;
  tags: string;
  due: string; // YYYY-MM-DD or ""
}

export const emptyTask: TaskFormValues = { title: "", description: "", priority: "medium", tags: "", due: "" };

export const priorityOptions = PRIORITIES.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }));

/** "home, money ,, " -> ["home", "money"] */
export function parseTags(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** The date part of a due date as the form shows it (the API stores a plain date as midnight UTC). */
export function dueDateInput(due: string | null): string {
  return due ? due.slice(0, 10) : "";
}

export function valuesOf(task: Task): TaskFormValues {
  return {
    title: task.title,
    description: task.description ?? "",
    priority: task.priority,
    tags: task.tags.join(", "),
    due: dueDateInput(task.due_date),
  };
}

export function createBody(v: TaskFormValues): TaskCreate {
  return {
    title: v.title,
    description: v.description.trim() === "" ? null : v.description,
    completed: false,
    priority: v.priority,
    tags: parseTags(v.tags),
    due_date: v.due === "" ? null : v.due,
  };
}

/** Only what changed, so an untouched due date keeps its time of day. */
export function updateBody(task: Task, v: TaskFormValues): TaskUpdate {
  const before = valuesOf(task);
  const body: TaskUpdate = {};
  if (v.title !== before.title) body.title = v.title;
  if (v.description !== before.description) body.description = v.description.trim() === "" ? null : v.description;
  if (v.priority !== before.priority) body.priority = v.priority;
  if (parseTags(v.tags).join("\u0000") !== task.tags.join("\u0000")) body.tags = parseTags(v.tags);
  if (v.due !== before.due) body.due_date = v.due === "" ? null : v.due;
  return body;
}

export function TaskForm({
  label,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial: TaskFormValues;
  submitLabel: string;
  /** Resolves when saved (the form then resets), rejects with the ApiError to show. */
  onSubmit: (values: TaskFormValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);

  const set = (name: keyof TaskFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit(values);
      setError(null);
      if (!onCancel) {
        setValues(initial);
        formRef.current?.querySelector<HTMLInputElement>("input")?.focus();
      }
    } catch (err) {
      if (err instanceof ApiError && err.kind === "validation") setError(err);
      else setError(null); // shown by the page (banner with Retry), or the session ended
    } finally {
      setBusy(false);
    }
  }

  const fields = error?.fields ?? {};

  return (
    <form ref={formRef} className="task-form" aria-label={label} onSubmit={submit} noValidate>
      <FormProblems error={error} fields={["title", "description", "priority", "tags", "due_date"]} />
      <TextField
        label="Title"
        className="task-form__title"
        required
        maxLength={200}
        value={values.title}
        onChange={set("title")}
        error={fields.title}
      />
      <TextAreaField
        label="Description"
        className="task-form__description"
        rows={2}
        maxLength={2000}
        value={values.description}
        onChange={set("description")}
        error={fields.description}
      />
      <SelectField
        label="Priority"
        options={priorityOptions}
        value={values.priority}
        onChange={set("priority")}
        error={fields.priority}
      />
      <TextField
        label="Tags"
        hint="Separated by commas"
        value={values.tags}
        onChange={set("tags")}
        error={fields.tags}
      />
      <TextField label="Due date" type="date" value={values.due} onChange={set("due")} error={fields.due_date} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
