import { describe, expect, it } from "vitest";
import {
  listTasks,
  parseNextLink,
  parseTotalCount,
  setCompleted,
  taskQueryString,
  updateTask,
} from "../src/api/tasks";
import { json, makeClient } from "./fake";

const task = (id: number) => ({ id, title: `t${id}` });
const tasks = (from: number, n: number) => Array.from({ length: n }, (_, i) => task(from + i));

describe("paging headers", () => {
  it("X-Total-Count", () => {
    expect(parseTotalCount(new Headers({ "X-Total-Count": "57" }))).toBe(57);
    expect(parseTotalCount(new Headers({ "X-Total-Count": "0" }))).toBe(0);
    expect(parseTotalCount(new Headers())).toBeNull();
    expect(parseTotalCount(new Headers({ "X-Total-Count": "many" }))).toBeNull();
  });

  it("Link rel=next, among other relations, relative or same-origin absolute", () => {
    const base = "https://todo.example";
    expect(parseNextLink('</api/tasks?cursor=abc&limit=20>; rel="next"', base)).toBe("/api/tasks?cursor=abc&limit=20");
    expect(
      parseNextLink('<https://todo.example/api/tasks?cursor=1>; rel="prev", <https://todo.example/api/tasks?cursor=3>; rel="next"', base),
    ).toBe("/api/tasks?cursor=3");
    expect(parseNextLink("</api/tasks?c=2>; rel=next", base)).toBe("/api/tasks?c=2");
    expect(parseNextLink('</api/tasks?c=2>; title="x, y"; rel="last next"', base)).toBe("/api/tasks?c=2");
  });

  it("no next, or a next on another origin -> null", () => {
    const base = "https://todo.example";
    expect(parseNextLink(null, base)).toBeNull();
    expect(parseNextLink('</api/tasks?c=1>; rel="prev"', base)).toBeNull();
    expect(parseNextLink('<https://evil.example/api/tasks>; rel="next"', base)).toBeNull();
  });
});

describe("listTasks", () => {
  it("builds the query from the filters, leaving out defaults and empties", () => {
    expect(
      taskQueryString(
        { status: "all", priority: "high", tag: "", search: "milk", sort: "due_date", order: "asc" },
        0,
        20,
      ),
    ).toBe("priority=high&search=milk&sort=due_date&order=asc&limit=20");
    expect(taskQueryString({ status: "completed", tag: "home & garden" }, 40, 20)).toBe(
      "status=completed&tag=home+%26+garden&limit=20&offset=40",
    );
  });

  it("offset paging from X-Total-Count: next offset until the total is reached", async () => {
    const { client, calls } = makeClient((call) => {
      const offset = Number(new URL(call.url, "http://x").searchParams.get("offset") ?? 0);
      return json(200, tasks(offset + 1, Math.min(20, 45 - offset)), { "X-Total-Count": "45" });
    });
    const p1 = await listTasks(client, { status: "pending" });
    expect(p1.total).toBe(45);
    expect(p1.tasks).toHaveLength(20);
    expect(p1.next).toEqual({ offset: 20 });
    const p2 = await listTasks(client, { status: "pending" }, p1.next);
    expect(p2.next).toEqual({ offset: 40 });
    const p3 = await listTasks(client, { status: "pending" }, p2.next);
    expect(p3.tasks).toHaveLength(5);
    expect(p3.next).toBeNull();
    expect(calls.map((c) => c.url)).toEqual([
      "/api/tasks?status=pending&limit=20",
      "/api/tasks?status=pending&limit=20&offset=20",
      "/api/tasks?status=pending&limit=20&offset=40",
    ]);
  });

  it("an empty list with a total of 0", async () => {
    const { client } = makeClient(() => json(200, [], { "X-Total-Count": "0" }));
    const page = await listTasks(client, {});
    expect(page).toEqual({ tasks: [], total: 0, next: null });
  });

  it("follows Link rel=next instead of computing the offset", async () => {
    const { client, calls } = makeClient((call) =>
      call.url.includes("cursor=2")
        ? json(200, tasks(21, 3), { "X-Total-Count": "23" })
        : json(200, tasks(1, 20), { "X-Total-Count": "23", Link: '</api/tasks?cursor=2&limit=20>; rel="next"' }),
    );
    const p1 = await listTasks(client, {});
    expect(p1.next).toEqual({ url: "/api/tasks?cursor=2&limit=20" });
    const p2 = await listTasks(client, {}, p1.next, { loaded: 20 });
    expect(calls[1]?.url).toBe("/api/tasks?cursor=2&limit=20");
    expect(p2.next).toBeNull();
  });

  it("without X-Total-Count a full page means there may be more", async () => {
    const { client } = makeClient(() => json(200, tasks(1, 20)));
    expect((await listTasks(client, {})).next).toEqual({ offset: 20 });
  });
});

describe("task changes", () => {
  it("completion is set explicitly through /complete", async () => {
    const { client, calls } = makeClient(() => json(200, { id: 3, completed: true }));
    await setCompleted(client, 3, true);
    expect(calls[0]).toMatchObject({ method: "PATCH", url: "/api/tasks/3/complete", body: { completed: true } });
  });

  it("an edit is a PUT of the changed members", async () => {
    const { client, calls } = makeClient(() => json(200, { id: 3 }));
    await updateTask(client, 3, { title: "New", due_date: null });
    expect(calls[0]).toMatchObject({ method: "PUT", url: "/api/tasks/3", body: { title: "New", due_date: null } });
  });
});
