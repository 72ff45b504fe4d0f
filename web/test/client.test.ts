import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api/errors";
import { changePassword, deleteAccount, signIn, signOut } from "../src/api/auth";
import { STORAGE_KEY, TokenStore } from "../src/api/session";
import { empty, json, makeClient, MemoryStorage } from "./fake";

const session = (n: number) => ({
  access_token: `access-${n}`,
  token_type: "bearer",
  expires_in: 604800,
  refresh_token: `refresh-${n}`,
  refresh_expires_in: 2592000,
});
const revoked = () =>
  json(401, { detail: "Token has been revoked" }, { "WWW-Authenticate": 'Bearer error="invalid_token"' });

describe("requests", () => {
  it("sends the bearer token, JSON bodies, same-origin paths", async () => {
    const { client, calls } = makeClient(() => json(201, { id: 1 }));
    const res = await client.request<{ id: number }>("POST", "/api/tasks", { json: { title: "x" } });
    expect(res.data).toEqual({ id: 1 });
    expect(calls[0]).toMatchObject({
      method: "POST",
      url: "/api/tasks",
      body: { title: "x" },
      headers: { Authorization: "Bearer access-1", "Content-Type": "application/json" },
    });
  });

  it("unauthenticated calls send no Authorization", async () => {
    const { client, calls } = makeClient(() => json(201, { id: "u" }), null);
    await client.request("POST", "/auth/signup", { auth: false, json: {} });
    expect(calls[0]?.headers.Authorization).toBeUndefined();
  });

  it("204 resolves with null data", async () => {
    const { client } = makeClient(() => empty(204));
    expect((await client.request("DELETE", "/api/tasks/1")).data).toBeNull();
  });

  it("an authenticated call without a session fails at once, without a request", async () => {
    const { client, calls, ended } = makeClient(() => json(200, []), null);
    const err = (await client.request("GET", "/api/tasks").catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe("unauthorized");
    expect(err.sessionEnded).toBe(true);
    expect(calls).toHaveLength(0);
    expect(ended).toHaveLength(0); // there was no session to end
  });
});

describe("token refresh", () => {
  it("a 401 -> one refresh, then the call is retried once with the new token", async () => {
    const { client, calls, store, storage, ended } = makeClient((call) => {
      if (call.url === "/auth/refresh") return json(200, session(2), { "Cache-Control": "no-store" });
      return call.headers.Authorization === "Bearer access-2" ? json(200, [{ id: 7 }]) : revoked();
    });
    const res = await client.request<unknown[]>("GET", "/api/tasks");
    expect(res.data).toEqual([{ id: 7 }]);
    expect(calls.map((c) => c.url)).toEqual(["/api/tasks", "/auth/refresh", "/api/tasks"]);
    expect(calls[1]?.body).toEqual({ refresh_token: "refresh-1" });
    expect(calls[1]?.headers.Authorization).toBeUndefined();
    expect(store.get()).toEqual({ accessToken: "access-2", refreshToken: "refresh-2" });
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? "null")).toEqual({
      accessToken: "access-2",
      refreshToken: "refresh-2",
    });
    expect(ended).toHaveLength(0);
  });

  it("a refused refresh ends the session: cleared, signalled once, no loop", async () => {
    const { client, calls, store, storage, ended } = makeClient((call) =>
      call.url === "/auth/refresh" ? json(401, { detail: "Invalid refresh token" }) : revoked(),
    );
    const err = (await client.request("GET", "/api/tasks").catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe("unauthorized");
    expect(err.sessionEnded).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(["/api/tasks", "/auth/refresh"]);
    expect(store.get()).toBeNull();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(ended).toHaveLength(1);
  });

  it("a 401 again after a successful refresh ends the session (no second refresh)", async () => {
    const { client, calls, store, ended } = makeClient((call) =>
      call.url === "/auth/refresh" ? json(200, session(2)) : revoked(),
    );
    const err = (await client.request("GET", "/auth/me").catch((e: unknown) => e)) as ApiError;
    expect(err.sessionEnded).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(["/auth/me", "/auth/refresh", "/auth/me"]);
    expect(store.get()).toBeNull();
    expect(ended).toHaveLength(1);
  });

  it("without a refresh token a 401 ends the session without a refresh", async () => {
    const { client, calls, ended } = makeClient(() => revoked(), {
      accessToken: "access-1",
      refreshToken: null,
    });
    const err = (await client.request("GET", "/api/tasks").catch((e: unknown) => e)) as ApiError;
    expect(err.sessionEnded).toBe(true);
    expect(calls).toHaveLength(1);
    expect(ended).toHaveLength(1);
  });

  it("concurrent 401s share one refresh (a refresh token is single-use)", async () => {
    let refreshes = 0;
    const { client, calls } = makeClient(async (call) => {
      if (call.url === "/auth/refresh") {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, session(2));
      }
      return call.headers.Authorization === "Bearer access-2" ? json(200, { ok: call.url }) : revoked();
    });
    const results = await Promise.all([
      client.request("GET", "/api/tasks?a"),
      client.request("GET", "/api/tasks?b"),
      client.request("GET", "/auth/me"),
    ]);
    expect(refreshes).toBe(1);
    expect(results.map((r) => r.data)).toEqual([{ ok: "/api/tasks?a" }, { ok: "/api/tasks?b" }, { ok: "/auth/me" }]);
    expect(calls.filter((c) => c.url === "/auth/refresh")).toHaveLength(1);
  });

  it("a call that got its 401 after another call refreshed uses the new token, no second refresh", async () => {
    const { client, calls, store } = makeClient((call) => {
      if (call.url === "/auth/refresh") return json(200, session(2));
      if (call.url === "/slow" && call.headers.Authorization === "Bearer access-1") {
        // Meanwhile another call refreshed.
        store.set({ accessToken: "access-2", refreshToken: "refresh-2" });
        return revoked();
      }
      return json(200, { ok: true });
    });
    await client.request("GET", "/slow");
    expect(calls.map((c) => [c.url, c.headers.Authorization])).toEqual([
      ["/slow", "Bearer access-1"],
      ["/slow", "Bearer access-2"],
    ]);
  });

  it("a refresh that meets a 503 keeps the session and reports the 503", async () => {
    const { client, store, ended } = makeClient((call) =>
      call.url === "/auth/refresh"
        ? json(503, { detail: "Service temporarily unavailable" }, { "Retry-After": "1" })
        : revoked(),
    );
    const err = (await client.request("GET", "/api/tasks").catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe("unavailable");
    expect(err.sessionEnded).toBe(false);
    expect(store.get()).not.toBeNull();
    expect(ended).toHaveLength(0);
  });

  it("non-401 errors are never refreshed", async () => {
    const { client, calls } = makeClient(() => json(404, { detail: "Task not found" }));
    const err = (await client.request("GET", "/api/tasks/9").catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe("not_found");
    expect(calls).toHaveLength(1);
  });

  it("a 401 of an unauthenticated call (wrong password) is just an error", async () => {
    const { client, calls, ended } = makeClient(
      () => json(401, { detail: "Incorrect email or password" }, { "WWW-Authenticate": "Bearer" }),
      null,
    );
    const err = (await signIn(client, "a@b.co", "nope").catch((e: unknown) => e)) as ApiError;
    expect(err.message).toBe("Incorrect email or password");
    expect(err.sessionEnded).toBe(false);
    expect(calls).toHaveLength(1);
    expect(ended).toHaveLength(0);
  });
});

describe("session lifecycle", () => {
  it("sign-in stores both tokens in memory and sessionStorage", async () => {
    const { client, calls, storage } = makeClient(() => json(200, session(5)), null);
    await signIn(client, "ada@example.com", "correct horse battery");
    expect(calls[0]).toMatchObject({ url: "/auth/login", body: { email: "ada@example.com", password: "correct horse battery" } });
    expect(client.store.get()).toEqual({ accessToken: "access-5", refreshToken: "refresh-5" });
    expect(storage.getItem(STORAGE_KEY)).toContain("refresh-5");
  });

  it("a reload finds the session in sessionStorage", () => {
    const storage = new MemoryStorage();
    new TokenStore(storage, null).set({ accessToken: "a", refreshToken: "r" });
    expect(new TokenStore(storage, null).get()).toEqual({ accessToken: "a", refreshToken: "r" });
  });

  it("garbage in sessionStorage is no session", () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, "{not json");
    expect(new TokenStore(storage, null).get()).toBeNull();
    storage.setItem(STORAGE_KEY, '{"accessToken": 5}');
    expect(new TokenStore(storage, null).get()).toBeNull();
  });

  it("sign-out sends the refresh token and clears the session, even when the call fails", async () => {
    const { client, calls, storage } = makeClient(() => json(503, { detail: "Service temporarily unavailable" }));
    await expect(signOut(client)).rejects.toBeInstanceOf(ApiError);
    expect(calls[0]).toMatchObject({ method: "POST", url: "/auth/logout", body: { refresh_token: "refresh-1" } });
    expect(client.store.get()).toBeNull();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it("a password change stores the new session", async () => {
    const { client, calls } = makeClient(() => json(200, session(9)));
    await changePassword(client, "old password", "new password");
    expect(calls[0]?.body).toEqual({ current_password: "old password", new_password: "new password" });
    expect(client.store.get()?.accessToken).toBe("access-9");
  });

  it("a wrong current password (403) keeps the session and does not refresh", async () => {
    const { client, calls } = makeClient(() => json(403, { detail: "Incorrect password" }));
    const err = (await changePassword(client, "x", "new password").catch((e: unknown) => e)) as ApiError;
    expect(err.kind).toBe("forbidden");
    expect(calls).toHaveLength(1);
    expect(client.store.get()).not.toBeNull();
  });

  it("account deletion sends the password and clears the session on 204", async () => {
    const { client, calls } = makeClient(() => empty(204));
    await deleteAccount(client, "pw");
    expect(calls[0]).toMatchObject({ method: "DELETE", url: "/auth/me", body: { password: "pw" } });
    expect(client.store.get()).toBeNull();
  });
});

describe("tabs sharing a session", () => {
  function channelPair() {
    type Msg = { data: unknown };
    const a = { onmessage: null as ((e: Msg) => void) | null, postMessage: (m: unknown) => b.onmessage?.({ data: m }), close() {} };
    const b = { onmessage: null as ((e: Msg) => void) | null, postMessage: (m: unknown) => a.onmessage?.({ data: m }), close() {} };
    return [a, b] as const;
  }

  it("a tab holding the spent refresh token adopts the refreshed tokens", () => {
    const [ca, cb] = channelPair();
    const a = new TokenStore(new MemoryStorage(), ca as never);
    const b = new TokenStore(new MemoryStorage(), cb as never);
    a.set({ accessToken: "a1", refreshToken: "r1" });
    b.set({ accessToken: "a1", refreshToken: "r1" });
    a.set({ accessToken: "a2", refreshToken: "r2" }, "r1");
    expect(b.get()).toEqual({ accessToken: "a2", refreshToken: "r2" });
    a.clear();
    expect(b.get()).toBeNull();
  });

  it("a tab of another session ignores them", () => {
    const [ca, cb] = channelPair();
    const a = new TokenStore(new MemoryStorage(), ca as never);
    const b = new TokenStore(new MemoryStorage(), cb as never);
    a.set({ accessToken: "a1", refreshToken: "r1" });
    b.set({ accessToken: "b1", refreshToken: "s1" });
    a.set({ accessToken: "a2", refreshToken: "r2" }, "r1");
    a.clear();
    expect(b.get()).toEqual({ accessToken: "b1", refreshToken: "s1" });
  });
});
