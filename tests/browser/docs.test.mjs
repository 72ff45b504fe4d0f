// The interactive documentation at /docs, used as a developer would: in
// Debian's Chromium (headless, driven by playwright-core), through the
// reverse proxy of a running stack at E2E_BASE_URL. It signs up through the
// API, opens /docs, signs in with the OAuth2 password form of "Authorize",
// and runs "Try it out" on POST /api/tasks and GET /api/tasks.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.mjs';

const baseUrl = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080');
// Where to leave a screenshot of each test's final state, when set.
const screenshotDir = process.env.BROWSER_SCREENSHOT_DIR;
const STEP_TIMEOUT = 20_000;

async function signUp() {
  const email = `docs-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'correct horse battery staple';
  const response = await fetch(new URL('/auth/signup', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(response.status, 201, `signup: ${response.status} ${await response.text()}`);
  return { email, password };
}

// The operation block Swagger UI renders for (method, path).
function operation(page, method, path) {
  return page.locator(`.opblock.opblock-${method.toLowerCase()}`).filter({
    has: page.locator(`.opblock-summary-path[data-path="${path}"]`),
  });
}

async function expand(block) {
  if (!(await block.evaluate((el) => el.classList.contains('is-open')))) {
    await block.locator('.opblock-summary-control').click();
  }
  await block.locator('.opblock-body').waitFor({ timeout: STEP_TIMEOUT });
}

// Runs "Try it out" then "Execute" and returns the status and body that the
// page shows for the live response.
async function tryItOut(block, editBody) {
  await expand(block);
  await block.locator('button.try-out__btn').click();
  if (editBody) await editBody(block);
  await block.locator('button.execute').click();
  const live = block.locator('.live-responses-table .response');
  await live.first().waitFor({ timeout: STEP_TIMEOUT });
  const status = Number((await live.locator('.response-col_status').first().innerText()).trim());
  const body = await live.locator('.response-col_description pre').first().innerText();
  return { status, body };
}

describe('interactive docs at /docs', () => {
  let browser;
  let profileDir;
  let page;
  const problems = [];

  before(async () => {
    // A fresh profile directory per run keeps runs independent.
    profileDir = await mkdtemp(join(tmpdir(), 'todo-docs-chromium-'));
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT);
    // A script error or a Content-Security-Policy refusal shows up here.
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  async function snapshot(name) {
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  }

  it('loads and lists every operation of /openapi.json', async () => {
    const spec = await (await fetch(new URL('/openapi.json', baseUrl))).json();
    await page.goto(new URL('/docs', baseUrl).href);
    await page.locator('.opblock').first().waitFor();
    const rendered = await page.$$eval('.opblock', (blocks) =>
      blocks.map((b) => `${b.querySelector('.opblock-summary-method')?.textContent} ${b.querySelector('.opblock-summary-path')?.dataset.path}`),
    );
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      ['get', 'put', 'post', 'delete', 'patch'].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    assert.deepEqual([...rendered].sort(), [...documented].sort());
    assert.equal(await page.locator('.information-container .title').first().innerText().then((t) => t.includes(spec.info.title)), true);
    await snapshot('docs-loaded');
    assert.deepEqual(problems, []);
  });

  it('signs in through Authorize with the OAuth2 password form, then Try it out creates and lists a task', async () => {
    const { email, password } = await signUp();

    await page.locator('.auth-wrapper button.authorize').click();
    // The dialog's section for the spec's OAuth2 scheme (the bearer one is separate).
    const form = page.locator('.modal-ux .auth-container').filter({ hasText: 'oauth2Password' });
    await form.locator('#oauth_username').fill(email);
    await form.locator('#oauth_password').fill(password);
    // The client fields stay empty and "Client credentials location" at its
    // default, as a developer would leave them: Swagger UI then also sends
    // an empty `Authorization: Basic` header, which login must ignore.
    const login = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login');
    await form.locator('button.authorize').click();
    const loginResponse = await login;
    assert.equal(loginResponse.status(), 200, `login through the form: ${loginResponse.status()} ${await loginResponse.text()}`);
    // Swagger UI shows "Logout" once a scheme holds a token.
    await form.locator('button.authorize', { hasText: 'Logout' }).waitFor();
    await page.locator('.modal-ux button.close-modal').click();

    const title = `From the docs page ${Date.now()}`;
    const created = await tryItOut(operation(page, 'POST', '/api/tasks'), async (block) => {
      await block.locator('textarea.body-param__text').fill(JSON.stringify({ title, priority: 'high', tags: ['docs'] }));
    });
    assert.equal(created.status, 201, `POST /api/tasks: ${created.status} ${created.body}`);
    assert.equal(JSON.parse(created.body).title, title);

    const listBlock = operation(page, 'GET', '/api/tasks');
    const listed = await tryItOut(listBlock);
    assert.equal(listed.status, 200, `GET /api/tasks: ${listed.status} ${listed.body}`);
    const tasks = JSON.parse(listed.body);
    assert.deepEqual(tasks.map((t) => t.title), [title], 'the new user sees exactly the task made through the page');
    await listBlock.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await snapshot('docs-try-it-out');
    assert.deepEqual(problems, []);
  });
});
