// A raw HTTP/1.1 client for the conformance suite. It writes exactly the
// bytes a test gives it and parses what comes back itself, because the
// behaviour under test (pipelining, framing, malformed input, when the
// server closes) is what node:http and fetch hide: they refuse to send
// malformed requests, normalise headers and pool connections.
//
// Every wait is bounded (readTimeoutMs by default) so a server that never
// answers fails the test instead of hanging it.
import net from 'node:net';

export const readTimeoutMs = 5000;

// Connections still open, so a test file can close them all in afterEach
// even when an assertion failed halfway through a test.
const openConnections = new Set();

export function closeAll() {
  for (const connection of openConnections) connection.destroy();
}

// connect(url) → a RawConnection to the host and port of an http:// URL.
export function connect(url, { timeoutMs = readTimeoutMs } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 80) });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connect to ${url}: no connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(new RawConnection(socket));
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`connect to ${url}: ${error.message}`));
    });
  });
}

// requestBytes(head lines..., body): the lines joined with CRLF, the empty
// line, then the body. For requests that are well-formed on purpose; the
// malformed ones are written out byte for byte in the tests.
export function requestBytes(lines, body = '') {
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.from(body)]);
}

// Thrown when no complete response arrived within the read timeout; carries
// what did arrive, for the assertion message.
export class ReadTimeout extends Error {
  constructor(timeoutMs, received) {
    super(`no complete response within ${timeoutMs} ms; received ${received.length} bytes: ${preview(received)}`);
    this.received = received;
  }
}

export class RawConnection {
  #socket;
  #buffer = Buffer.alloc(0);
  #eof = false;
  #eofAt = 0;
  #error = null;
  #wake = null;

  constructor(socket) {
    this.#socket = socket;
    openConnections.add(this);
    socket.on('data', (chunk) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#notify();
    });
    // A reset (ECONNRESET, or EPIPE while we still write a large request the
    // server has stopped reading) ends the connection like an EOF does: the
    // server chose to close, and what it sent before is already buffered.
    socket.on('error', (error) => {
      this.#error ??= error;
      this.#markEof();
    });
    socket.on('end', () => this.#markEof());
    socket.on('close', () => {
      openConnections.delete(this);
      this.#markEof();
    });
  }

  // Whether the peer has closed (EOF or reset), and the error of a reset.
  get eof() {
    return this.#eof;
  }

  get error() {
    return this.#error;
  }

  // Bytes received but not yet consumed by response().
  get buffered() {
    return this.#buffer.length;
  }

  // send(bytes): one write. Resolves once the bytes are handed to the
  // kernel, or when the write fails because the server closed: whether that
  // was right is for the test to judge from what it reads afterwards.
  send(bytes) {
    if (this.#socket.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.#socket.write(bytes, (error) => resolve(!error));
    });
  }

  // response({ method }) → the next response on this connection:
  // { version, status, reason, headers, headerList, headerValues(name),
  //   body (Buffer), text, json, framing }
  //   headers     lowercase name → value (repeated fields joined with ", ")
  //   headerList  [name, value] pairs as received
  //   framing     'content-length', 'chunked', 'close' (read to EOF) or 'none'
  // method 'HEAD' means no body whatever Content-Length says; 1xx, 204 and
  // 304 never have one either. Throws ReadTimeout after timeoutMs, and an
  // Error when the connection ends before a complete response.
  async response({ method = 'GET', timeoutMs = readTimeoutMs } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = parseResponse(this.#buffer, method, this.#eof);
      if (parsed !== null) {
        this.#buffer = this.#buffer.subarray(parsed.consumed);
        return parsed.response;
      }
      if (this.#eof) {
        const what = this.#buffer.length === 0 ? 'no response' : `an incomplete response: ${preview(this.#buffer)}`;
        throw new Error(`connection closed by the server${this.#resetNote()} with ${what}`);
      }
      if (!(await this.#waitForMore(deadline))) throw new ReadTimeout(timeoutMs, this.#buffer);
    }
  }

  // responses(n) → the next n responses, in the order they arrived.
  async responses(count, options) {
    const responses = [];
    for (let i = 0; i < count; i += 1) responses.push(await this.response(options));
    return responses;
  }

  // closed() → { closed, afterMs, extra, error }: whether the server closed
  // the connection within timeoutMs (afterMs: how long after the call), and
  // any bytes that arrived unread before that (a second response, or body
  // bytes that should not have been sent).
  async closed({ timeoutMs = readTimeoutMs } = {}) {
    const start = Date.now();
    const deadline = start + timeoutMs;
    while (!this.#eof && (await this.#waitForMore(deadline)));
    const extra = this.#buffer;
    this.#buffer = Buffer.alloc(0);
    return {
      closed: this.#eof,
      afterMs: this.#eof ? Math.max(0, this.#eofAt - start) : undefined,
      extra,
      error: this.#error?.code,
    };
  }

  destroy() {
    openConnections.delete(this);
    this.#socket.destroy();
  }

  #resetNote() {
    return this.#error ? ` (${this.#error.code ?? this.#error.message})` : '';
  }

  #markEof() {
    if (!this.#eof) {
      this.#eof = true;
      this.#eofAt = Date.now();
    }
    this.#notify();
  }

  #notify() {
    const wake = this.#wake;
    this.#wake = null;
    wake?.(true);
  }

  // Resolves true when bytes or the EOF arrive, false at the deadline.
  #waitForMore(deadline) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve(false);
      }, remaining);
      this.#wake = (value) => {
        clearTimeout(timer);
        resolve(value);
      };
    });
  }
}

// A short printable excerpt of raw bytes, for assertion messages.
export function preview(bytes, limit = 300) {
  const text = bytes.subarray(0, limit).toString('latin1');
  const escaped = JSON.stringify(text);
  return bytes.length > limit ? `${escaped}… (${bytes.length} bytes)` : escaped;
}

const statusLine = /^HTTP\/(\d)\.(\d) (\d{3})(?: ([^\r\n]*))?$/;

// parseResponse(buffer, method, eof) → { response, consumed } for one
// complete response at the start of buffer, or null when more bytes are
// needed. Throws on bytes that cannot be a response (e.g. body bytes left
// over from a previous response that lied about its length).
function parseResponse(buffer, method, eof) {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) {
    if (buffer.length >= 5 && !buffer.subarray(0, 5).equals(Buffer.from('HTTP/'))) {
      throw new Error(`expected a status line, got ${preview(buffer)}`);
    }
    return null;
  }
  const lines = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const match = statusLine.exec(lines[0]);
  if (!match) throw new Error(`expected a status line, got ${preview(buffer)}`);
  const status = Number(match[3]);
  const headerList = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed response header line ${JSON.stringify(line)}`);
    headerList.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const headerValues = (name) =>
    headerList.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
  const headers = {};
  for (const [name, value] of headerList) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }

  const bodyStart = headEnd + 4;
  let body;
  let consumed;
  let framing;
  const contentLength = headers['content-length'];
  if (method === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304) {
    body = Buffer.alloc(0);
    consumed = bodyStart;
    framing = 'none';
  } else if (/(^|,)\s*chunked\s*$/i.test(headers['transfer-encoding'] ?? '')) {
    const chunked = parseChunked(buffer, bodyStart);
    if (chunked === null) return null;
    ({ body, consumed } = chunked);
    framing = 'chunked';
  } else if (contentLength !== undefined) {
    if (!/^\d+$/.test(contentLength)) throw new Error(`response Content-Length ${JSON.stringify(contentLength)}`);
    const length = Number(contentLength);
    if (buffer.length < bodyStart + length) return null;
    body = buffer.subarray(bodyStart, bodyStart + length);
    consumed = bodyStart + length;
    framing = 'content-length';
  } else {
    // No length: the body runs to the end of the connection.
    if (!eof) return null;
    body = buffer.subarray(bodyStart);
    consumed = buffer.length;
    framing = 'close';
  }

  const text = body.toString('utf8');
  let json;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const response = {
    version: `${match[1]}.${match[2]}`,
    status,
    reason: match[4] ?? '',
    headers,
    headerList,
    headerValues,
    body: Buffer.from(body),
    text,
    json,
    framing,
  };
  return { response, consumed };
}

// A chunked body starting at `start`: { body, consumed } or null if incomplete.
function parseChunked(buffer, start) {
  const parts = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const sizeText = buffer.subarray(at, lineEnd).toString('latin1').split(';')[0].trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) {
      throw new Error(`bad chunk size line in a response: ${preview(buffer.subarray(at))}`);
    }
    const size = parseInt(sizeText, 16);
    at = lineEnd + 2;
    if (size === 0) {
      // Trailer fields, then the empty line.
      for (;;) {
        const end = buffer.indexOf('\r\n', at);
        if (end < 0) return null;
        const empty = end === at;
        at = end + 2;
        if (empty) return { body: Buffer.concat(parts), consumed: at };
      }
    }
    if (buffer.length < at + size + 2) return null;
    parts.push(buffer.subarray(at, at + size));
    at += size + 2;
  }
}
