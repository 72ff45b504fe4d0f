// Where the tokens live, and why (docs/security.md says the same for users
// and reviewers):
//
// - In memory, for every request, and mirrored into sessionStorage so that a
//   reload of the tab keeps the user signed in.
// - sessionStorage, not localStorage: it is per tab and is cleared when the tab
//   closes, so a session does not outlive the tab that started it, and other
//   origins cannot read it. Never localStorage (it would persist on disk for
//   every tab until someone signs out), never a cookie (the API takes bearer
//   tokens only).
// - Any script running on this origin could read it; that is what the
//   Content-Security-Policy prevents: no inline and no third-party script.
//
// A tab that copies another's sessionStorage (the browser's "duplicate tab")
// holds the same refresh token. The API treats a refresh token presented twice
// as theft and ends the session, so tabs that share a session must share its
// refreshes (docs/api.md, POST /auth/refresh): after a refresh, this tab
// announces the new tokens on a BroadcastChannel and a tab holding the spent
// refresh token adopts them; after a sign-out, tabs of the same session drop it.

export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
}

/** The login/refresh/password answer (components.schemas.Session). */
export interface SessionResponse {
  access_token: string;
  refresh_token?: string | null;
}

export function tokensFrom(session: SessionResponse): Tokens {
  return { accessToken: session.access_token, refreshToken: session.refresh_token ?? null };
}

/** What survives a reload: the subset of the Storage interface used. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What tabs tell each other (BroadcastChannel; same origin only). */
type TabMessage =
  | { type: "refreshed"; spent: string; tokens: Tokens }
  | { type: "ended"; refreshToken: string };

interface Channel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: { data: TabMessage }) => void) | null;
  close(): void;
}

export const STORAGE_KEY = "todo.session";
const CHANNEL_NAME = "todo.session";

type Listener = (tokens: Tokens | null) => void;

export class TokenStore {
  private tokens: Tokens | null;
  private readonly listeners = new Set<Listener>();
  private readonly channel: Channel | null;

  constructor(
    private readonly storage: KeyValueStorage | null = defaultStorage(),
    channel: Channel | null = defaultChannel(),
  ) {
    this.tokens = this.load();
    this.channel = channel;
    if (channel) channel.onmessage = (event) => this.onTabMessage(event.data);
  }

  get(): Tokens | null {
    return this.tokens;
  }

  /** A new session (sign-in, password change) or the next tokens of this one (refresh). */
  set(tokens: Tokens, spentRefreshToken?: string | null): void {
    this.tokens = tokens;
    this.save();
    if (spentRefreshToken) {
      this.channel?.postMessage({ type: "refreshed", spent: spentRefreshToken, tokens });
    }
    this.emit();
  }

  /** Forget the session (sign-out, session ended). */
  clear(): void {
    const refreshToken = this.tokens?.refreshToken;
    this.tokens = null;
    this.save();
    if (refreshToken) this.channel?.postMessage({ type: "ended", refreshToken });
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onTabMessage(message: TabMessage): void {
    const mine = this.tokens?.refreshToken;
    if (!mine) return;
    if (message.type === "refreshed" && message.spent === mine) {
      this.tokens = message.tokens;
      this.save();
      this.emit();
    } else if (message.type === "ended" && message.refreshToken === mine) {
      this.tokens = null;
      this.save();
      this.emit();
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.tokens);
  }

  private load(): Tokens | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      if (!raw) return null;
      const value: unknown = JSON.parse(raw);
      if (typeof value !== "object" || value === null) return null;
      const { accessToken, refreshToken } = value as Record<string, unknown>;
      if (typeof accessToken !== "string" || accessToken === "") return null;
      return {
        accessToken,
        refreshToken: typeof refreshToken === "string" ? refreshToken : null,
      };
    } catch {
      return null;
    }
  }

  private save(): void {
    try {
      if (this.tokens) this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.tokens));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage full or disabled (private mode): the session lives in memory only.
    }
  }
}

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null; // access denied (e.g. storage disabled)
  }
}

function defaultChannel(): Channel | null {
  if (typeof BroadcastChannel === "undefined") return null;
  return new BroadcastChannel(CHANNEL_NAME) as unknown as Channel;
}
