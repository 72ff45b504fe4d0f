// The app's one API client and the session as React sees it.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { ApiClient } from "./api/client";

const ClientContext = createContext<ApiClient | null>(null);

export function ClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ApiClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error("useClient outside <ClientProvider>");
  return client;
}

/** True while a session is held; re-renders on sign-in, sign-out and session end. */
export function useSignedIn(): boolean {
  const client = useClient();
  return useSyncExternalStore(
    (onChange) => client.store.subscribe(onChange),
    () => client.store.get() !== null,
  );
}
