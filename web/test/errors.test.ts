import { describe, expect, it } from "vitest";
import {
  ApiError,
  errorFromResponse,
  fieldMessages,
  fieldOf,
  kindOfStatus,
  parseRetryAfter,
} from "../src/api/errors";
import { json, makeClient } from "./fake";

function headers(values: Record<string, string> = {}): Headers {
  return new Headers(values);
}

describe("errorFromResponse: {detail: string}", () => {
  const cases: [number, string, string][] = [
    [400, "bad_request", "Request body is not valid JSON"],
    [401, "unauthorized", "Incorrect email or password"],
    [403, "forbidden", "Incorrect password"],
    [404, "not_found", "Task not found"],
    [405, "method_not_allowed", "Method Not Allowed"],
    [409, "conflict", "Email already registered"],
    [410, "gone", "Cursor is older than the retained history"],
    [413, "too_large", "Request body too large"],
    [415, "unsupported_media_type", "Content-Type must be application/json"],
    [429, "rate_limited", "Too many failed login attempts, try again later"],
    [500, "server", "Internal server error"],
    [503, "unavailable", "Service temporarily unavailable"],
  ];
  for (const [status, kind, detail] of cases) {
    it(`${status} -> ${kind} with the detail as message`, () => {
      const err = errorFromResponse(status, headers({ "X-Request-ID": "rid-1" }), JSON.stringify({ detail }));
      expect(err).toBeInstanceOf(ApiError);
      expect(err.kind).toBe(kind);
      expect(err.status).toBe(status);
      expect(err.message).toBe(detail);
      expect(err.requestId).toBe("rid-1");
      expect(err.fields).toEqual({});
    });
  }

  it("429 carries Retry-After seconds", () => {
    const err = errorFromResponse(429, headers({ "Retry-After": "42" }), '{"detail":"Too many failed login attempts, try again later"}');
    expect(err.retryAfter).toBe(42);
  });

  it("503 carries Retry-After and is retryable", () => {
    const err = errorFromResponse(503, headers({ "Retry-After": "1" }), '{"detail":"Service temporarily unavailable"}');
    expect(err.retryAfter).toBe(1);
    expect(err.retryable).toBe(true);
  });

  it("a 4xx is not retryable", () => {
    expect(errorFromResponse(404, headers(), '{"detail":"Not Found"}').retryable).toBe(false);
  });

  it("an empty detail string falls back to a readable message", () => {
    const err = errorFromResponse(404, headers(), '{"detail":""}');
    expect(err.message).toBe("Not found.");
  });
});

describe("errorFromResponse: 422 detail lists", () => {
  it("maps each issue to the last loc element, never [object Object]", () => {
    const body = {
      detail: [
        { loc: ["body", "email"], msg: "value is not a valid email address", type: "value_error" },
        { loc: ["body", "password"], msg: "String should have at least 8 characters", type: "string_too_short" },
      ],
    };
    const err = errorFromResponse(422, headers(), JSON.stringify(body));
    expect(err.kind).toBe("validation");
    expect(err.fields).toEqual({
      email: "value is not a valid email address",
      password: "String should have at least 8 characters",
    });
    expect(err.message).not.toContain("[object Object]");
    expect(err.message).toContain("email: value is not a valid email address");
    expect(err.issues).toHaveLength(2);
  });

  it("skips list indexes: ['body','tags',3] -> tags", () => {
    const body = { detail: [{ loc: ["body", "tags", 3], msg: "String should have at most 50 characters", type: "string_too_long" }] };
    expect(errorFromResponse(422, headers(), JSON.stringify(body)).fields).toEqual({
      tags: "String should have at most 50 characters",
    });
  });

  it("query and path locations name the parameter", () => {
    const body = {
      detail: [
        { loc: ["query", "status"], msg: "Input should be 'all', 'pending' or 'completed'", type: "enum" },
        { loc: ["path", "id"], msg: "Input should be a valid integer", type: "int_parsing" },
      ],
    };
    const err = errorFromResponse(422, headers(), JSON.stringify(body));
    expect(Object.keys(err.fields)).toEqual(["status", "id"]);
  });

  it("a missing body (loc ['body']) is keyed 'body'", () => {
    const body = { detail: [{ loc: ["body"], msg: "Field required", type: "missing" }] };
    expect(errorFromResponse(422, headers(), JSON.stringify(body)).fields).toEqual({ body: "Field required" });
  });

  it("joins several problems of one field and drops pydantic's 'Value error, ' prefix", () => {
    const issues = [
      { loc: ["body", "new_password"], msg: "Value error, password must be at most 72 bytes", type: "value_error" },
      { loc: ["body", "new_password"], msg: "String should not contain NUL", type: "value_error" },
    ];
    expect(fieldMessages(issues)).toEqual({
      new_password: "password must be at most 72 bytes; String should not contain NUL",
    });
  });

  it("ignores malformed entries and still gives a message", () => {
    const err = errorFromResponse(422, headers(), JSON.stringify({ detail: [{ foo: 1 }, "x", null] }));
    expect(err.fields).toEqual({});
    expect(err.message).toBe("Some fields are not valid.");
  });

  it("fieldOf", () => {
    expect(fieldOf(["body", "email"])).toBe("email");
    expect(fieldOf(["body", "tags", 0])).toBe("tags");
    expect(fieldOf(["body"])).toBe("body");
    expect(fieldOf([])).toBe("body");
  });
});

describe("errorFromResponse: bodies that are not the contract's JSON", () => {
  it("an HTML 502 from a proxy -> unavailable, readable message", () => {
    const err = errorFromResponse(502, headers({ "Content-Type": "text/html" }), "<html><body>Bad Gateway</body></html>");
    expect(err.kind).toBe("unavailable");
    expect(err.message).toBe("The service is temporarily unavailable. Try again in a moment.");
  });

  it("an empty 500", () => {
    const err = errorFromResponse(500, headers(), "");
    expect(err.kind).toBe("server");
    expect(err.message).toMatch(/went wrong/);
  });

  it("JSON without detail, or another status", () => {
    expect(errorFromResponse(418, headers(), '{"error":"teapot"}').message).toBe("The server answered 418.");
    expect(errorFromResponse(418, headers(), "[1,2]").kind).toBe("http");
  });

  it("kindOfStatus covers the gateway errors", () => {
    expect(kindOfStatus(504)).toBe("unavailable");
    expect(kindOfStatus(507)).toBe("server");
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-24T10:00:00Z");
  it("delay-seconds", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 120 ", now)).toBe(120);
  });
  it("an HTTP-date, rounded up, never negative", () => {
    expect(parseRetryAfter("Tue, 24 Nov 2026 10:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Tue, 24 Nov 2026 09:00:00 GMT", now)).toBe(0);
  });
  it("absent or unreadable -> null", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter("1.5", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});

describe("network failures and unreadable answers through the client", () => {
  it("a fetch that throws -> kind network, status 0, retryable", async () => {
    const { client } = makeClient(() => {
      throw new TypeError("Failed to fetch");
    });
    const err = await client.request("GET", "/api/tasks").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe("network");
    expect((err as ApiError).status).toBe(0);
    expect((err as ApiError).retryable).toBe(true);
  });

  it("an abort passes through as an AbortError", async () => {
    const { client } = makeClient(() => {
      throw new DOMException("aborted", "AbortError");
    });
    const err = await client.request("GET", "/api/tasks").catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
  });

  it("a 2xx whose body is not JSON -> a server error, not a crash", async () => {
    const { client } = makeClient(() => new Response("<html>", { status: 200 }));
    const err = await client.request("GET", "/api/tasks").catch((e: unknown) => e);
    expect((err as ApiError).kind).toBe("server");
  });

  it("a 503 with Retry-After through the client", async () => {
    const { client } = makeClient(() =>
      json(503, { detail: "Service temporarily unavailable" }, { "Retry-After": "1" }),
    );
    const err = (await client.request("GET", "/api/tasks").catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe("unavailable");
    expect(err.retryAfter).toBe(1);
    expect(err.message).toBe("Service temporarily unavailable");
  });
});
