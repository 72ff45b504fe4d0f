// auth-service's endpoints (docs/api.md, "auth-service" and "Sessions").
import type { ApiClient } from "./client";
import type { Session, User } from "./types";

export async function signUp(client: ApiClient, email: string, password: string): Promise<User> {
  const { data } = await client.request<User>("POST", "/auth/signup", {
    auth: false,
    json: { email, password },
  });
  return data;
}

/** POST /auth/login (JSON); on success the client holds the new session. */
export async function signIn(client: ApiClient, email: string, password: string): Promise<void> {
  const { data } = await client.request<Session>("POST", "/auth/login", {
    auth: false,
    json: { email, password },
  });
  client.startSession(data);
}

export async function me(client: ApiClient, signal?: AbortSignal): Promise<User> {
  const { data } = await client.request<User>("GET", "/auth/me", signal ? { signal } : {});
  return data;
}

/**
 * POST /auth/logout with the session's refresh token, so its whole chain is
 * revoked, not just the access token. The session is forgotten here whatever
 * the answer: a user who asked to sign out is signed out of this tab.
 */
export async function signOut(client: ApiClient): Promise<void> {
  const refreshToken = client.store.get()?.refreshToken ?? null;
  try {
    if (client.signedIn) {
      await client.request<null>("POST", "/auth/logout", {
        json: refreshToken ? { refresh_token: refreshToken } : {},
      });
    }
  } finally {
    client.clearSession();
  }
}

/** POST /auth/logout-all: every session of the user ends, this one included. */
export async function signOutEverywhere(client: ApiClient): Promise<void> {
  await client.request<null>("POST", "/auth/logout-all");
  client.clearSession();
}

/** POST /auth/password: 200 is a new session (every other token is revoked). */
export async function changePassword(
  client: ApiClient,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const { data } = await client.request<Session>("POST", "/auth/password", {
    json: { current_password: currentPassword, new_password: newPassword },
  });
  client.startSession(data);
}

/** DELETE /auth/me with the password; 204 and every token is gone. */
export async function deleteAccount(client: ApiClient, password: string): Promise<void> {
  await client.request<null>("DELETE", "/auth/me", { json: { password } });
  client.clearSession();
}
