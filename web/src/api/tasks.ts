// task-service's endpoints (docs/api.md, "task-service").
import type { ApiClient } from "./client";
import type { Task, TaskCreate, TaskQuery, TaskUpdate } from "./types";

export interface TaskPage {
  tasks: Task[];
  /** X-Total-Count: matching tasks before paging (null when absent). */
  total: number | null;
  /** Where the next page is: the Link rel="next" target, else the next offset. */
  next: NextPage | null;
}

export type NextPage = { url: string } | { offset: number };

export type ListFilters = Omit<TaskQuery, "limit" | "offset">;

export const PAGE_SIZE = 20;

/** The query string of GET /api/tasks; empty and default values are left out. */
export function taskQueryString(filters: ListFilters, offset: number, limit: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "") continue;
    if (name === "status" && value === "all") continue;
    params.set(name, String(value));
  }
  params.set("limit", String(limit));
  if (offset > 0) params.set("offset", String(offset));
  return params.toString();
}

/** X-Total-Count as a number; null when absent or not a non-negative integer. */
export function parseTotalCount(headers: Headers): number | null {
  const value = headers.get("X-Total-Count");
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

/**
 * The rel="next" target of a Link header (RFC 8288), as a same-origin path
 * (path + query); null when there is none or it points elsewhere.
 */
export function parseNextLink(header: string | null, base: string = "http://localhost"): string | null {
  if (!header) return null;
  const linkRe = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,]*))?)*)/g;
  for (const match of header.matchAll(linkRe)) {
    const target = match[1] ?? "";
    const params = match[2] ?? "";
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (!rels.includes("next")) continue;
    try {
      const baseUrl = new URL(base);
      const url = new URL(target, baseUrl);
      if (url.origin !== baseUrl.origin) return null;
      return url.pathname + url.search;
    } catch {
      return null;
    }
  }
  return null;
}

function currentOrigin(): string {
  return typeof location === "undefined" ? "http://localhost" : location.origin;
}

function toPage(data: Task[], headers: Headers, offset: number, limit: number): TaskPage {
  const tasks = Array.isArray(data) ? data : [];
  const total = parseTotalCount(headers);
  const link = parseNextLink(headers.get("Link"), currentOrigin());
  let next: NextPage | null = null;
  if (link) next = { url: link };
  else if (total !== null ? offset + tasks.length < total : tasks.length === limit)
    next = { offset: offset + tasks.length };
  return { tasks, total, next };
}

/** The first page for these filters, or the page at `next` (from the previous page). */
export async function listTasks(
  client: ApiClient,
  filters: ListFilters,
  next: NextPage | null = null,
  options: { limit?: number; signal?: AbortSignal; loaded?: number } = {},
): Promise<TaskPage> {
  const limit = options.limit ?? PAGE_SIZE;
  // Where this page starts: its offset, or (following a Link) how many tasks
  // the caller already holds.
  const offset = next && "offset" in next ? next.offset : next ? (options.loaded ?? 0) : 0;
  const path =
    next && "url" in next ? next.url : `/api/tasks?${taskQueryString(filters, offset, limit)}`;
  const { data, headers } = await client.request<Task[]>(
    "GET",
    path,
    options.signal ? { signal: options.signal } : {},
  );
  return toPage(data, headers, offset, limit);
}

export async function createTask(client: ApiClient, task: TaskCreate): Promise<Task> {
  const { data } = await client.request<Task>("POST", "/api/tasks", { json: task });
  return data;
}

/** PUT /api/tasks/{id}: a partial update (only the members sent change). */
export async function updateTask(client: ApiClient, id: number, changes: TaskUpdate): Promise<Task> {
  const { data } = await client.request<Task>("PUT", `/api/tasks/${id}`, { json: changes });
  return data;
}

/** PATCH /api/tasks/{id}/complete with an explicit value (never a blind toggle). */
export async function setCompleted(client: ApiClient, id: number, completed: boolean): Promise<Task> {
  const { data } = await client.request<Task>("PATCH", `/api/tasks/${id}/complete`, {
    json: { completed },
  });
  return data;
}

export async function deleteTask(client: ApiClient, id: number): Promise<void> {
  await client.request<null>("DELETE", `/api/tasks/${id}`);
}
