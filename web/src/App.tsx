import { useEffect, useRef, useState, type ReactNode } from "react";
import { signOut } from "./api/auth";
import { ApiClient } from "./api/client";
import { usePageTitle } from "./components";
import { AccountPage } from "./pages/Account";
import { SignInPage } from "./pages/SignIn";
import { SignUpPage } from "./pages/SignUp";
import { TasksPage } from "./pages/Tasks";
import { Link, Redirect, useLocation, useNavigate } from "./router";
import { ClientProvider, useClient, useSignedIn } from "./session-context";

export const SESSION_ENDED = "Your session has ended. Please sign in again.";
const ACCOUNT_DELETED = "Your account has been deleted. You can create a new one.";

/** A message for one page, shown until the user goes elsewhere. */
interface Notice {
  path: string;
  text: string;
}

export function App({ client }: { client: ApiClient }) {
  return (
    <ClientProvider client={client}>
      <Routes />
    </ClientProvider>
  );
}

function Routes() {
  const client = useClient();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [notice, setNotice] = useState<Notice | null>(null);

  // A 401 that no refresh could fix: back to sign-in, and back here afterwards.
  useEffect(
    () =>
      client.onSessionEnded(() => {
        const here = window.location.pathname + window.location.search;
        setNotice({ path: "/signin", text: SESSION_ENDED });
        navigate(`/signin?next=${encodeURIComponent(here)}`, { replace: true });
      }),
    [client, navigate],
  );

  // After a client-side navigation, focus the new page's heading, as a page
  // load would start reading there (not on the first load).
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (firstPath.current === pathname) return;
    firstPath.current = "";
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [pathname]);

  // A notice belongs to the page it was made for.
  useEffect(() => {
    if (notice && notice.path !== pathname) setNotice(null);
  }, [notice, pathname]);
  const noticeText = notice?.path === pathname ? notice.text : null;

  const requireSession = (page: ReactNode) =>
    signedIn ? page : <Redirect to={`/signin?next=${encodeURIComponent(pathname + search)}`} />;

  switch (pathname) {
    case "/signin":
      return <SignInPage notice={noticeText} />;
    case "/signup":
      return <SignUpPage notice={noticeText} />;
    case "/":
      return requireSession(
        <>
          <Header current="tasks" />
          <TasksPage />
        </>,
      );
    case "/account":
      return requireSession(
        <>
          <Header current="account" />
          <AccountPage onAccountDeleted={() => setNotice({ path: "/signup", text: ACCOUNT_DELETED })} />
        </>,
      );
    default:
      return <NotFound signedIn={signedIn} />;
  }
}

function Header({ current }: { current: "tasks" | "account" }) {
  const client = useClient();
  const navigate = useNavigate();
  return (
    <header className="top">
      <Link to="/" className="brand">
        Todo
      </Link>
      <nav aria-label="Main">
        {current === "tasks" ? (
          <>
            <Link to="/account">Account</Link>
            <button
              type="button"
              onClick={() => {
                // Signed out of this tab whatever the API answers.
                void signOut(client)
                  .catch(() => undefined)
                  .then(() => navigate("/signin", { replace: true }));
              }}
            >
              Sign out
            </button>
          </>
        ) : (
          <Link to="/">Tasks</Link>
        )}
      </nav>
    </header>
  );
}

function NotFound({ signedIn }: { signedIn: boolean }) {
  usePageTitle("Page not found");
  return (
    <main className="auth">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>{signedIn ? <Link to="/">Go to your tasks</Link> : <Link to="/signin">Sign in</Link>}</p>
    </main>
  );
}
