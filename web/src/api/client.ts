// The HTTP client: same-origin fetch to /auth/... and /api/... (nginx puts the
// app and both services on one origin, so no CORS and no absolute URLs).
//
// Authenticated calls send `Authorization: Bearer <access token>`. On a 401
// the client tries ONE refresh (POST /auth/refresh with the refresh token) and
// retries the call once with the new access token. When that cannot fix it
// (no refresh token, the refresh is refused, or the retry is 401 again) the
// session is cleared and onSessionEnded fires: the app sends the user to
// sign-in. Concurrent 401s share one refresh: a refresh token is good for one
// use only, and presenting it twice ends the whole session (docs/api.md).

import { ApiError, errorFromResponse, isAbortError, networkError } from "./errors";
import { TokenStore, tokensFrom, type SessionResponse, type Tokens } from "./session";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  fetch?: FetchLike;
  store?: TokenStore;
  /** Called once each time a session ends against the user's will (a 401 no refresh fixed). */
  onSessionEnded?: (error: ApiError) => void;
}

export interface RequestOptions {
  /** A JSON body; sent with Content-Type: application/json. */
  json?: unknown;
  /** Send the bearer token and refresh on 401 (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

export class ApiClient {
  readonly store: TokenStore;
  private readonly fetchImpl: FetchLike;
  private readonly sessionEndedListeners = new Set<(error: ApiError) => void>();
  /** The refresh in flight, shared by every call that got a 401 meanwhile. */
  private refreshing: Promise<Tokens> | null = null;

  constructor(options: ClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.store = options.store ?? new TokenStore();
    if (options.onSessionEnded) this.sessionEndedListeners.add(options.onSessionEnded);
  }

  onSessionEnded(listener: (error: ApiError) => void): () => void {
    this.sessionEndedListeners.add(listener);
    return () => this.sessionEndedListeners.delete(listener);
  }

  get signedIn(): boolean {
    return this.store.get() !== null;
  }

  /**
   * One call. Resolves with the parsed JSON body (null for an empty one) and
   * the headers; rejects with an ApiError for any non-2xx answer or network
   * failure (an AbortError passes through unchanged).
   */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const auth = options.auth ?? true;
    if (!auth) return this.send<T>(method, path, options, null);

    const tokens = this.store.get();
    if (!tokens) throw this.endSession("Not signed in.");
    try {
      return await this.send<T>(method, path, options, tokens.accessToken);
    } catch (err) {
      if (!(err instanceof ApiError) || err.kind !== "unauthorized") throw err;
    }
    // 401: one refresh (shared), then one retry; never a loop.
    const fresh = await this.refreshAfter401(tokens);
    try {
      return await this.send<T>(method, path, options, fresh.accessToken);
    } catch (err) {
      if (err instanceof ApiError && err.kind === "unauthorized") throw this.endSession(err.message);
      throw err;
    }
  }

  /** Starts a session from a login-shaped answer. */
  startSession(session: SessionResponse): void {
    this.store.set(tokensFrom(session));
  }

  /** Forgets the session without telling anyone (sign-out does the API call itself). */
  clearSession(): void {
    this.store.clear();
  }

  private async refreshAfter401(used: Tokens): Promise<Tokens> {
    const current = this.store.get();
    // Another call refreshed while this one was out: use its tokens.
    if (current && current.accessToken !== used.accessToken) return current;
    if (!current?.refreshToken) throw this.endSession("Your session has ended.");
    if (!this.refreshing) {
      const refreshToken = current.refreshToken;
      this.refreshing = this.send<SessionResponse>(
        "POST",
        "/auth/refresh",
        { json: { refresh_token: refreshToken } },
        null,
      )
        .then(({ data }) => {
          const tokens = tokensFrom(data);
          this.store.set(tokens, refreshToken);
          return tokens;
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    try {
      return await this.refreshing;
    } catch (err) {
      // A refused refresh token ends the session. A 503, 429 or network
      // failure does not: the token may still be good, the user can retry.
      if (err instanceof ApiError && err.kind === "unauthorized") throw this.endSession(err.message);
      throw err;
    }
  }

  private endSession(message: string): ApiError {
    const hadSession = this.store.get() !== null;
    this.store.clear();
    const error = new ApiError({ kind: "unauthorized", status: 401, message, sessionEnded: true });
    if (hadSession) for (const listener of this.sessionEndedListeners) listener(error);
    return error;
  }

  private async send<T>(
    method: string,
    path: string,
    options: RequestOptions,
    accessToken: string | null,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    const init: RequestInit = { method, headers, credentials: "same-origin", cache: "no-store" };
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.json);
    }
    if (options.signal) init.signal = options.signal;

    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(path, init);
      text = await response.text();
    } catch (err) {
      if (isAbortError(err)) throw err;
      throw networkError(err);
    }
    if (!response.ok) throw errorFromResponse(response.status, response.headers, text);

    let data: unknown = null;
    if (text.trim() !== "") {
      try {
        data = JSON.parse(text);
      } catch {
        throw new ApiError({
          kind: "server",
          status: response.status,
          message: "The server sent an answer that could not be read.",
          requestId: response.headers.get("X-Request-ID"),
        });
      }
    }
    return { data: data as T, status: response.status, headers: response.headers };
  }
}
