import { useEffect, useRef, useState, type FormEvent } from "react";
import { changePassword, deleteAccount, me, signOut, signOutEverywhere } from "../api/auth";
import { ApiError, isAbortError } from "../api/errors";
import type { User } from "../api/types";
import {
  ConfirmDialog,
  ErrorBanner,
  TextField,
  failureOf,
  FormProblems,
  type Failure,
  useFocusFirstInvalid,
  usePageTitle,
} from "../components";
import { useNavigate } from "../router";
import { useClient } from "../session-context";

export function AccountPage({ onAccountDeleted }: { onAccountDeleted: () => void }) {
  usePageTitle("Account");
  const client = useClient();
  const navigate = useNavigate();
  const [user, setUser] = useState<User | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setFailure(null);
    me(client, controller.signal)
      .then(setUser)
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        if (err instanceof ApiError && !err.sessionEnded)
          setFailure(failureOf(err, () => setReloads((n) => n + 1)));
      });
    return () => controller.abort();
  }, [client, reloads]);

  function fail(err: unknown, retry?: () => void) {
    if (!(err instanceof ApiError)) throw err;
    if (err.sessionEnded) return;
    setFailure(failureOf(err, retry));
  }

  async function doSignOut() {
    try {
      await signOut(client);
    } catch (err) {
      // Signed out of this tab anyway (the tokens are forgotten); nothing to retry.
      if (!(err instanceof ApiError)) throw err;
    }
    navigate("/signin", { replace: true });
  }

  async function doSignOutEverywhere() {
    try {
      await signOutEverywhere(client);
      navigate("/signin", { replace: true });
    } catch (err) {
      fail(err, () => void doSignOutEverywhere());
    }
  }

  return (
    <main className="account">
      <h1 tabIndex={-1}>Account</h1>
      {failure && <ErrorBanner error={failure.error} startedAt={failure.at} onRetry={failure.retry} />}
      <p className="signed-in-as" aria-busy={user === null || undefined}>
        {user ? `Signed in as ${user.email}` : failure ? "" : "Loading…"}
      </p>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <p className="muted">“Sign out everywhere” ends every session of yours, on every device, this one included.</p>
        <div className="actions">
          <button type="button" onClick={() => void doSignOut()}>
            Sign out
          </button>
          <button type="button" onClick={() => void doSignOutEverywhere()}>
            Sign out everywhere
          </button>
        </div>
      </section>

      <ChangePasswordForm onFailure={fail} />
      <DeleteAccountForm
        onFailure={fail}
        onDeleted={() => {
          onAccountDeleted();
          navigate("/signup", { replace: true });
        }}
      />
    </main>
  );
}

function ChangePasswordForm({ onFailure }: { onFailure: (err: unknown, retry?: () => void) => void }) {
  const client = useClient();
  const [current, setCurrent] = useState("");
  const [fresh, setFresh] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setDone(false);
    try {
      await changePassword(client, current, fresh);
      setError(null);
      setCurrent("");
      setFresh("");
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && (err.kind === "forbidden" || err.kind === "validation")) setError(err);
      else {
        setError(null);
        onFailure(err, () => void submit());
      }
    } finally {
      setBusy(false);
    }
  }

  const fields: Record<string, string | undefined> = error?.kind === "validation" ? { ...error.fields } : {};
  if (error?.kind === "forbidden") fields.current_password = "Incorrect password";

  return (
    <section>
      <h2 id="password-title">Change password</h2>
      <form ref={formRef} aria-labelledby="password-title" onSubmit={submit} noValidate>
        <FormProblems error={error} fields={["current_password", "new_password"]} />
        {done && (
          <p className="banner banner--info" role="status">
            Password changed. Your other sessions have been signed out.
          </p>
        )}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={fields.current_password}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="8 to 72 bytes."
          value={fresh}
          onChange={(e) => setFresh(e.target.value)}
          error={fields.new_password}
        />
        <button type="submit" disabled={busy} aria-busy={busy || undefined}>
          Change password
        </button>
      </form>
    </section>
  );
}

function DeleteAccountForm({
  onFailure,
  onDeleted,
}: {
  onFailure: (err: unknown, retry?: () => void) => void;
  onDeleted: () => void;
}) {
  const client = useClient();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);

  async function remove() {
    setBusy(true);
    try {
      await deleteAccount(client, password);
      onDeleted();
    } catch (err) {
      setConfirming(false);
      setBusy(false);
      if (err instanceof ApiError && (err.kind === "forbidden" || err.kind === "validation")) setError(err);
      else {
        setError(null);
        onFailure(err, () => void remove());
      }
    }
  }

  const fields: Record<string, string | undefined> = error?.kind === "validation" ? { ...error.fields } : {};
  if (error?.kind === "forbidden") fields.password = "Incorrect password";

  return (
    <section>
      <h2 id="delete-title">Danger zone</h2>
      <form
        ref={formRef}
        aria-label="Delete account"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
        noValidate
      >
        <p className="muted">Deleting your account removes it and all your tasks for good.</p>
        <TextField
          label="Password to confirm"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="danger">
          Delete account
        </button>
      </form>
      {confirming && (
        <ConfirmDialog
          title="Delete your account?"
          confirmLabel="Delete account forever"
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <p>Your account and every task in it will be deleted. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
