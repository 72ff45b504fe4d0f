// A fake fetch for the API client's tests: records every call and answers
// from a handler, as the real services would.
import { ApiClient } from "../src/api/client";
import { TokenStore, type KeyValueStorage } from "../src/api/session";

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (call: Call, index: number) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

export function empty(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

export function fakeFetch(handler: Handler) {
  const calls: Call[] = [];
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const headers = { ...(init.headers as Record<string, string> | undefined) };
    const call: Call = {
      method: init.method ?? "GET",
      url: input,
      headers,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch, calls };
}

/** A client with a fake fetch, an in-memory sessionStorage and no BroadcastChannel. */
export function makeClient(
  handler: Handler,
  tokens: { accessToken: string; refreshToken: string | null } | null = {
    accessToken: "access-1",
    refreshToken: "refresh-1",
  },
) {
  const storage = new MemoryStorage();
  const store = new TokenStore(storage, null);
  if (tokens) store.set(tokens);
  const ended: unknown[] = [];
  const { fetch, calls } = fakeFetch(handler);
  const client = new ApiClient({ fetch, store, onSessionEnded: (e) => ended.push(e) });
  return { client, calls, storage, store, ended };
}
