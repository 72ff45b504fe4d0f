import { useRef, useState, type FormEvent } from "react";
import { signIn, signUp } from "../api/auth";
import { ApiError } from "../api/errors";
import { ErrorBanner, FormProblems, TextField, useFocusFirstInvalid, usePageTitle } from "../components";
import { Link, useNavigate } from "../router";
import { useClient } from "../session-context";

export function SignUpPage({ notice }: { notice: string | null }) {
  usePageTitle("Create your account");
  const client = useClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [errorAt, setErrorAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  // After a 201 a failed automatic sign-in is retried as a sign-in, not a second sign-up.
  const [created, setCreated] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    try {
      if (!created) {
        await signUp(client, email, password);
        setCreated(true);
      }
      await signIn(client, email, password);
      navigate("/", { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
      setErrorAt(Date.now());
      setBusy(false);
    }
  }

  const fields: Record<string, string | undefined> = error?.kind === "validation" ? { ...error.fields } : {};
  if (error?.kind === "conflict") fields.email = "Email already registered";
  const banner = error && error.kind !== "validation" && error.kind !== "conflict";

  return (
    <main className="auth">
      <h1 tabIndex={-1}>Create your account</h1>
      {notice && !error && (
        <p className="banner banner--info" role="status">
          {notice}
        </p>
      )}
      {banner && <ErrorBanner error={error} startedAt={errorAt} onRetry={() => void submit()} />}
      <FormProblems error={error} fields={["email", "password"]} />
      <form ref={formRef} onSubmit={submit} noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          readOnly={created}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          hint="8 to 72 bytes (most characters are 1 byte; accented letters and emoji take 2 to 4)."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
          Sign up
        </button>
      </form>
      <p>
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </main>
  );
}
