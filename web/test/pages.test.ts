// The pure parts of the pages: where sign-in may send the user next, and
// how the task form's fields become request bodies.
import { describe, expect, it } from "vitest";
import type { Task } from "../src/api/types";
import { safeNextPath } from "../src/router";
import { createBody, dueDateInput, parseTags, updateBody, valuesOf } from "../src/pages/TaskForm";

const origin = "https://todo.example";

describe("safeNextPath (the ?next= of /signin)", () => {
  it("keeps a path of this app, with its query", () => {
    expect(safeNextPath("/", origin)).toBe("/");
    expect(safeNextPath("/account", origin)).toBe("/account");
    expect(safeNextPath("/?tag=home#x", origin)).toBe("/?tag=home#x");
  });
  it("refuses anything that could leave the origin", () => {
    for (const next of [
      null,
      "",
      "account",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " /account",
    ]) {
      expect(safeNextPath(next, origin), String(next)).toBeNull();
    }
  });
  it("never loops back to /signin", () => {
    expect(safeNextPath("/signin?next=/", origin)).toBeNull();
  });
});

const task: Task = {
  id: 1,
  user_id: "u",
  title: "Pay the rent",
  description: null,
  completed: false,
  priority: "high",
  tags: ["home", "money"],
  due_date: "2026-12-01T17:30:00Z",
  created_at: "2026-11-24T10:58:46Z",
  updated_at: "2026-11-24T10:58:46Z",
};

describe("task form values", () => {
  it("tags are comma-separated, trimmed, empties dropped", () => {
    expect(parseTags(" home, money ,, ")).toEqual(["home", "money"]);
    expect(parseTags("")).toEqual([]);
  });

  it("a new task: empty description and due date are null", () => {
    expect(createBody({ title: "T", description: "  ", priority: "low", tags: "a, b", due: "" })).toEqual({
      title: "T",
      description: null,
      completed: false,
      priority: "low",
      tags: ["a", "b"],
      due_date: null,
    });
    expect(createBody({ title: "T", description: "d", priority: "medium", tags: "", due: "2026-12-01" }).due_date).toBe(
      "2026-12-01",
    );
  });

  it("an edit sends only what changed; an untouched due date keeps its time", () => {
    const values = valuesOf(task);
    expect(values.due).toBe("2026-12-01");
    expect(updateBody(task, values)).toEqual({});
    expect(updateBody(task, { ...values, title: "Pay it", tags: "home, money, flat" })).toEqual({
      title: "Pay it",
      tags: ["home", "money", "flat"],
    });
    expect(updateBody(task, { ...values, due: "", description: "now" })).toEqual({ due_date: null, description: "now" });
  });

  it("dueDateInput", () => {
    expect(dueDateInput(null)).toBe("");
    expect(dueDateInput("2026-12-01T00:00:00Z")).toBe("2026-12-01");
  });
});
