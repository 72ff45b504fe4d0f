import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isAbortError } from "../api/errors";
import {
  createTask,
  deleteTask,
  listTasks,
  setCompleted,
  updateTask,
  type ListFilters,
  type NextPage,
} from "../api/tasks";
import type { Priority, SortOrder, Task, TaskSort, TaskStatus } from "../api/types";
import {
  ConfirmDialog,
  ErrorBanner,
  failureOf,
  SelectField,
  TextField,
  usePageTitle,
  type Failure,
} from "../components";
import { useClient } from "../session-context";
import { createBody, emptyTask, TaskForm, updateBody, valuesOf } from "./TaskForm";

const statusOptions = [
  { value: "all", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "completed", label: "Done" },
];
const priorityFilterOptions = [
  { value: "", label: "Any" },
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
];
const sortOptions = [
  { value: "created_at", label: "Created" },
  { value: "due_date", label: "Due date" },
  { value: "priority", label: "Priority" },
  { value: "title", label: "Title" },
];
const orderOptions = [
  { value: "desc", label: "Descending" },
  { value: "asc", label: "Ascending" },
];

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function TasksPage() {
  usePageTitle("Tasks");
  const client = useClient();

  const [status, setStatus] = useState<TaskStatus>("all");
  const [priority, setPriority] = useState<Priority | "">("");
  const [tag, setTag] = useState("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<TaskSort>("created_at");
  const [order, setOrder] = useState<SortOrder>("desc");
  const debouncedTag = useDebounced(tag.trim(), 300);
  const debouncedSearch = useDebounced(search, 300);

  const filters: ListFilters = { status, sort, order };
  if (priority) filters.priority = priority;
  if (debouncedTag) filters.tag = debouncedTag;
  if (debouncedSearch) filters.search = debouncedSearch;
  const filterKey = JSON.stringify(filters);
  const filtered = status !== "all" || priority !== "" || debouncedTag !== "" || debouncedSearch !== "";

  const [tasks, setTasks] = useState<Task[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [next, setNext] = useState<NextPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const [actionFailure, setActionFailure] = useState<Failure | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  // The first page, again whenever the filters change (the previous request is cancelled).
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setLoadFailure(null);
    listTasks(client, JSON.parse(filterKey) as ListFilters, null, { signal: controller.signal })
      .then((page) => {
        setTasks(page.tasks);
        setTotal(page.total ?? page.tasks.length);
        setNext(page.next);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        setLoading(false);
        if (err instanceof ApiError && !err.sessionEnded) setLoadFailure(failureOf(err));
      });
    return () => controller.abort();
  }, [client, filterKey, reloads]);

  async function loadMore() {
    if (!next) return;
    setLoadingMore(true);
    setActionFailure(null);
    try {
      const page = await listTasks(client, filters, next, { loaded: tasks.length });
      setTasks((shown) => {
        const known = new Set(shown.map((t) => t.id));
        return [...shown, ...page.tasks.filter((t) => !known.has(t.id))];
      });
      if (page.total !== null) setTotal(page.total);
      setNext(page.next);
    } catch (err) {
      fail(err, () => void loadMore());
    } finally {
      setLoadingMore(false);
    }
  }

  /** Shows a failed action's error with Retry; a 404 means the task went away meanwhile. */
  function fail(err: unknown, retry?: () => void) {
    if (!(err instanceof ApiError)) throw err;
    if (err.sessionEnded) return;
    setActionFailure(failureOf(err, retry));
  }

  function replace(task: Task) {
    setTasks((shown) => shown.map((t) => (t.id === task.id ? task : t)));
  }

  function forget(id: number) {
    setTasks((shown) => shown.filter((t) => t.id !== id));
    setTotal((n) => (n === null ? n : Math.max(0, n - 1)));
  }

  async function create(values: typeof emptyTask) {
    setActionFailure(null);
    try {
      await createTask(client, createBody(values));
    } catch (err) {
      if (!(err instanceof ApiError) || err.kind !== "validation") fail(err);
      throw err;
    }
    reload(); // where it lands depends on the sort and the filters: ask the API
  }

  async function save(task: Task, values: typeof emptyTask) {
    setActionFailure(null);
    try {
      const changes = updateBody(task, values);
      replace(Object.keys(changes).length === 0 ? task : await updateTask(client, task.id, changes));
      setEditing(null);
    } catch (err) {
      if (err instanceof ApiError && err.kind === "not_found") {
        forget(task.id);
        setEditing(null);
      }
      if (!(err instanceof ApiError) || err.kind !== "validation") fail(err);
      throw err;
    }
  }

  async function toggle(task: Task, completed: boolean) {
    setActionFailure(null);
    replace({ ...task, completed }); // at once; put back if the API refuses
    try {
      replace(await setCompleted(client, task.id, completed));
    } catch (err) {
      replace(task);
      if (err instanceof ApiError && err.kind === "not_found") forget(task.id);
      fail(err, () => void toggle(task, completed));
    }
  }

  async function confirmDelete(task: Task) {
    setDeleteBusy(true);
    setActionFailure(null);
    try {
      await deleteTask(client, task.id);
      forget(task.id);
    } catch (err) {
      if (err instanceof ApiError && err.kind === "not_found") forget(task.id);
      else fail(err, () => void confirmDelete(task));
    } finally {
      setDeleteBusy(false);
      setDeleting(null);
    }
  }

  const count = total ?? tasks.length;
  const now = Date.now();

  return (
    <main className="tasks">
      <h1 tabIndex={-1}>Tasks</h1>

      <TaskForm label="New task" initial={emptyTask} submitLabel="Add task" onSubmit={create} />

      <fieldset className="filters">
        <legend>Show</legend>
        <SelectField label="Status" options={statusOptions} value={status} onChange={(e) => setStatus(e.target.value as TaskStatus)} />
        <SelectField
          label="Filter by priority"
          options={priorityFilterOptions}
          value={priority}
          onChange={(e) => setPriority(e.target.value as Priority | "")}
        />
        <TextField label="Filter by tag" value={tag} onChange={(e) => setTag(e.target.value)} />
        <TextField label="Search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label="Sort by" options={sortOptions} value={sort} onChange={(e) => setSort(e.target.value as TaskSort)} />
        <SelectField label="Order" options={orderOptions} value={order} onChange={(e) => setOrder(e.target.value as SortOrder)} />
      </fieldset>

      {actionFailure && (
        <ErrorBanner error={actionFailure.error} startedAt={actionFailure.at} onRetry={actionFailure.retry} />
      )}

      <p role="status" className="count">
        {loading && total === null ? "Loading tasks…" : `${count} ${count === 1 ? "task" : "tasks"}`}
      </p>

      <div className="list" aria-busy={loading || undefined}>
        {loadFailure ? (
          <ErrorBanner error={loadFailure.error} startedAt={loadFailure.at} onRetry={reload} />
        ) : loading && tasks.length === 0 ? (
          <p className="muted">Loading…</p>
        ) : tasks.length === 0 ? (
          <p className="empty">{filtered ? "No tasks match" : "No tasks yet"}</p>
        ) : (
          <ul aria-label="Tasks" className="task-list">
            {tasks.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                now={now}
                editing={editing === task.id}
                onEdit={() => setEditing(task.id)}
                onCancelEdit={() => setEditing(null)}
                onSave={(values) => save(task, values)}
                onToggle={(completed) => void toggle(task, completed)}
                onDelete={() => setDeleting(task)}
              />
            ))}
          </ul>
        )}
      </div>

      {next && !loadFailure && tasks.length > 0 && (
        <button type="button" className="more" onClick={() => void loadMore()} disabled={loadingMore} aria-busy={loadingMore || undefined}>
          Load more
        </button>
      )}

      {deleting && (
        <ConfirmDialog
          title="Delete task?"
          confirmLabel="Delete"
          busy={deleteBusy}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>“{deleting.title}” will be deleted. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </main>
  );
}

/** How a due date reads: a plain date (midnight UTC) as that date, else the local date and time. */
function formatDue(due: string): string {
  const at = new Date(due);
  if (/T00:00:00(\.0+)?Z$/.test(due)) return due.slice(0, 10);
  return at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function TaskItem({
  task,
  now,
  editing,
  onEdit,
  onCancelEdit,
  onSave,
  onToggle,
  onDelete,
}: {
  task: Task;
  now: number;
  editing: boolean;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSave: (values: typeof emptyTask) => Promise<void>;
  onToggle: (completed: boolean) => void;
  onDelete: () => void;
}) {
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    // Leaving the inline form (saved or cancelled): focus back on "Edit".
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const overdue = !task.completed && task.due_date !== null && Date.parse(task.due_date) < now;
  const classes = ["task", task.completed ? "task--done" : "", overdue ? "task--overdue" : ""].filter(Boolean).join(" ");

  if (editing) {
    return (
      <li className={`${classes} task--editing`}>
        <TaskForm label={`Edit ${task.title}`} initial={valuesOf(task)} submitLabel="Save" onSubmit={onSave} onCancel={onCancelEdit} />
      </li>
    );
  }
  return (
    <li className={classes}>
      <div className="task__main">
        <label className="task__check">
          <input type="checkbox" checked={task.completed} onChange={(e) => onToggle(e.target.checked)} />
          <span className="sr-only">Done: </span>
          <span className="task__title">{task.title}</span>
        </label>
        {task.description && <p className="task__description">{task.description}</p>}
        <p className="task__meta">
          <span className={`badge badge--${task.priority}`}>{task.priority} priority</span>
          {task.completed && <span className="badge badge--done">Done</span>}
          {overdue && <span className="badge badge--overdue">Overdue</span>}
          {task.due_date && (
            <span className="task__due">
              Due <time dateTime={task.due_date}>{formatDue(task.due_date)}</time>
            </span>
          )}
          {task.tags.length > 0 && (
            <span className="task__tags">
              <span className="sr-only">Tags: </span>
              {task.tags.map((t) => (
                <span key={t} className="tag">
                  #{t}
                </span>
              ))}
            </span>
          )}
        </p>
      </div>
      <div className="task__actions">
        <button type="button" ref={editButton} onClick={onEdit}>
          Edit<span className="sr-only"> {task.title}</span>
        </button>
        <button type="button" className="danger-outline" onClick={onDelete}>
          Delete<span className="sr-only"> {task.title}</span>
        </button>
      </div>
    </li>
  );
}
