// The services' log files, for checks that a request left a trace there.
// Their paths come from the environment so the same tests run against the
// local stack (tests/e2e/run.sh sets them) or containers.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const defaultLogDir = fileURLToPath(new URL('../../../.data/logs/', import.meta.url));

export const serviceLogs = {
  'auth-service': process.env.E2E_AUTH_LOG ?? `${defaultLogDir}auth-service.log`,
  'task-service': process.env.E2E_TASK_LOG ?? `${defaultLogDir}task-service.log`,
};

// The log lines of `service` that contain `needle`, waiting up to
// `timeoutMs` for at least one (a service may write its access log line
// just after sending the response).
export async function logLinesWith(service, needle, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(serviceLogs[service], 'utf8');
    const lines = text.split('\n').filter((line) => line.includes(needle));
    if (lines.length > 0 || Date.now() >= deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
