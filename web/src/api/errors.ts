// Every failure of an API call becomes one ApiError, whatever shape the
// answer had (docs/api.md, "Conventions for every endpoint"):
//   {"detail": "message"}                         most errors
//   {"detail": [{"loc": [...], "msg", "type"}]}   422, FastAPI/pydantic's shape
//   a body that is not JSON (an HTML error page of some proxy), or none
//   no answer at all (network failure)
// The UI reads `kind`, `message`, `fields` and `retryAfter`, never the raw body.

export type ApiErrorKind =
  | "bad_request" // 400
  | "unauthorized" // 401
  | "forbidden" // 403
  | "not_found" // 404
  | "method_not_allowed" // 405
  | "conflict" // 409
  | "gone" // 410
  | "too_large" // 413
  | "unsupported_media_type" // 415
  | "validation" // 422
  | "rate_limited" // 429
  | "unavailable" // 503 (and 502/504 from a proxy)
  | "server" // other 5xx
  | "http" // any other status
  | "network"; // no answer at all

/** One problem of a 422, as the API lists it. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface ApiErrorInit {
  kind: ApiErrorKind;
  status: number;
  message: string;
  fields?: Record<string, string>;
  issues?: ValidationIssue[];
  retryAfter?: number | null;
  requestId?: string | null;
  sessionEnded?: boolean;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** The HTTP status; 0 when there was no answer. */
  readonly status: number;
  /** 422 only: one message per field, keyed by the field's name (see fieldOf). */
  readonly fields: Readonly<Record<string, string>>;
  readonly issues: readonly ValidationIssue[];
  /** Seconds to wait, from Retry-After (429, 503); null when absent or unreadable. */
  readonly retryAfter: number | null;
  /** The answer's X-Request-ID, to quote in a bug report. */
  readonly requestId: string | null;
  /** True when this 401 ended the session (no refresh could fix it). */
  readonly sessionEnded: boolean;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = "ApiError";
    this.kind = init.kind;
    this.status = init.status;
    this.fields = init.fields ?? {};
    this.issues = init.issues ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.requestId = init.requestId ?? null;
    this.sessionEnded = init.sessionEnded ?? false;
  }

  /** Worth a "Retry" button: the service or the network may be back soon. */
  get retryable(): boolean {
    return this.kind === "unavailable" || this.kind === "network" || this.kind === "server";
  }
}

export function kindOfStatus(status: number): ApiErrorKind {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return "conflict";
    case 410:
      return "gone";
    case 413:
      return "too_large";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "validation";
    case 429:
      return "rate_limited";
    case 502:
    case 503:
    case 504:
      return "unavailable";
    default:
      return status >= 500 ? "server" : "http";
  }
}

/**
 * Retry-After: delay-seconds or an HTTP-date (RFC 9110 10.2.3). Returns whole
 * seconds from `now`, at least 0; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (text === "") return null;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  // An HTTP-date always names the weekday and GMT ("Wed, 21 Oct 2015 07:28:00 GMT").
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The field a 422 issue is about: the last element of its loc that is a name
 * (["body", "email"] -> "email", ["query", "status"] -> "status"); list
 * indexes are skipped (["body", "tags", 3] -> "tags"). A loc naming only the
 * part of the request (["body"]: no body at all) gives that part's name.
 */
export function fieldOf(loc: readonly (string | number)[]): string {
  for (let i = loc.length - 1; i >= 0; i--) {
    const part = loc[i];
    if (typeof part === "string" && (i > 0 || loc.length === 1)) return part;
  }
  return "body";
}

/** pydantic prefixes custom messages with "Value error, "; people need not read it. */
function readableMsg(msg: string): string {
  return msg.replace(/^Value error, /, "");
}

function isIssue(value: unknown): value is ValidationIssue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.loc) &&
    v.loc.every((p) => typeof p === "string" || typeof p === "number") &&
    typeof v.msg === "string"
  );
}

/** 422 issues -> one message per field (several problems of one field joined). */
export function fieldMessages(issues: readonly ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.loc);
    const msg = readableMsg(issue.msg);
    const known = fields[field];
    fields[field] = known === undefined ? msg : known.includes(msg) ? known : `${known}; ${msg}`;
  }
  return fields;
}

const fallbackMessages: Partial<Record<ApiErrorKind, string>> = {
  bad_request: "The request was not understood.",
  unauthorized: "Not signed in.",
  forbidden: "Not allowed.",
  not_found: "Not found.",
  conflict: "That conflicts with what is already there.",
  too_large: "That is too large to send.",
  validation: "Some fields are not valid.",
  rate_limited: "Too many attempts. Try again later.",
  unavailable: "The service is temporarily unavailable. Try again in a moment.",
  server: "Something went wrong on the server. Try again in a moment.",
};

/**
 * Turns a non-2xx answer into an ApiError. `body` is the answer's text
 * (already read); anything that is not the contract's JSON is tolerated.
 */
export function errorFromResponse(
  status: number,
  headers: Headers,
  body: string,
  now: number = Date.now(),
): ApiError {
  const kind = kindOfStatus(status);
  const retryAfter = parseRetryAfter(headers.get("Retry-After"), now);
  const requestId = headers.get("X-Request-ID");
  const fallback = fallbackMessages[kind] ?? `The server answered ${status}.`;

  let detail: unknown = undefined;
  if (body.trim() !== "") {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === "object" && parsed !== null && "detail" in parsed) {
        detail = (parsed as { detail: unknown }).detail;
      }
    } catch {
      // Not JSON (e.g. an HTML page of a proxy in between): the status decides.
    }
  }

  if (Array.isArray(detail)) {
    const issues = detail.filter(isIssue).map((i) => ({
      loc: [...i.loc],
      msg: i.msg,
      type: typeof i.type === "string" ? i.type : "",
    }));
    const fields = fieldMessages(issues);
    const summary = Object.entries(fields)
      .map(([field, msg]) => `${field}: ${msg}`)
      .join(". ");
    return new ApiError({
      kind,
      status,
      message: summary || fallback,
      fields,
      issues,
      retryAfter,
      requestId,
    });
  }

  const message = typeof detail === "string" && detail.trim() !== "" ? detail : fallback;
  return new ApiError({ kind, status, message, retryAfter, requestId });
}

/** fetch() itself failed: no answer (offline, DNS, connection refused, CORS). */
export function networkError(cause?: unknown): ApiError {
  const err = new ApiError({
    kind: "network",
    status: 0,
    message: "Cannot reach the server. Check your connection and try again.",
  });
  if (cause !== undefined) (err as { cause?: unknown }).cause = cause;
  return err;
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export function isAbortError(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { name?: unknown }).name === "AbortError"
  );
}
