import { useRef, useState, type FormEvent } from "react";
import { signIn } from "../api/auth";
import { ApiError } from "../api/errors";
import { ErrorBanner, FormProblems, TextField, useFocusFirstInvalid, usePageTitle } from "../components";
import { Link, safeNextPath, useNavigate, useSearchParam } from "../router";
import { useClient } from "../session-context";

export function SignInPage({ notice }: { notice: string | null }) {
  usePageTitle("Sign in");
  const client = useClient();
  const navigate = useNavigate();
  const next = safeNextPath(useSearchParam("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [errorAt, setErrorAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    try {
      await signIn(client, email, password);
      navigate(next ?? "/", { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
      setErrorAt(Date.now());
      setBusy(false);
    }
  }

  const fields = error?.kind === "validation" ? error.fields : {};

  return (
    <main className="auth">
      <h1 tabIndex={-1}>Sign in</h1>
      {notice && !error && (
        <p className="banner banner--info" role="alert">
          {notice}
        </p>
      )}
      {error?.kind === "unauthorized" && (
        <p className="banner banner--error" role="alert">
          <span aria-hidden="true">⚠ </span>Incorrect email or password
        </p>
      )}
      {error && error.kind !== "unauthorized" && error.kind !== "validation" && (
        <ErrorBanner error={error} startedAt={errorAt} onRetry={() => void submit()} />
      )}
      <FormProblems error={error} fields={["email", "password"]} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
          Sign in
        </button>
      </form>
      <p>
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </main>
  );
}
