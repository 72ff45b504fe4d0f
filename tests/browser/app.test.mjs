// The web app (web/) as a person uses it: Debian's Chromium (headless,
// driven by playwright-core) through the reverse proxy of a running stack at
// E2E_BASE_URL: real nginx, real services, real PostgreSQL. Every element is
// found by its role and accessible name, as the UI contract of issue 13 names
// them (a person with a screen reader finds them the same way), and axe-core
// checks each page for serious or critical accessibility violations. A
// screenshot of each page is left in BROWSER_SCREENSHOT_DIR
// [tests/browser/out/].
//
// Flows: sign up; create tasks with tags, priorities and due dates (one
// overdue); filter, search, sort; edit, toggle, delete; page with "Load
// more"; the account page; sign out, sign in again and find the tasks; two
// users in two browser contexts never see each other's tasks; a session
// revoked elsewhere ("Sign out everywhere") leads back to sign-in with a
// message, and back to the page after signing in.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const baseUrl = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080');
const screenshotDir = process.env.BROWSER_SCREENSHOT_DIR || join(here, 'out');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STEP_TIMEOUT = 20_000;
const PASSWORD = 'correct horse battery staple';

const url = (path) => new URL(path, baseUrl).href;
const uniqueEmail = (who) => `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

// YYYY-MM-DD, `days` from today in the browser's (= this machine's) time zone.
function isoDate(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// --- the API, for what a test sets up or checks behind the browser's back ---

async function api(path, { method = 'GET', token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

async function apiLogin(email) {
  const response = await api('/auth/login', { method: 'POST', body: { email, password: PASSWORD } });
  assert.equal(response.status, 200, `login through the API: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.access_token;
}

// --- polling: playwright-core has no expect() with retries --------------------

async function eventually(what, check, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last === true || last === undefined) return;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) assert.fail(`${what} (last: ${typeof last === 'string' ? last : JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// --- the pages, by role and name -----------------------------------------------

const taskList = (page) => page.getByRole('list', { name: 'Tasks' });

// The titles the list shows, in order, read from the accessibility tree:
// each task's checkbox is named "Done: <title>".
async function shownTitles(page) {
  const list = taskList(page);
  if ((await list.count()) === 0) return [];
  // YAML: a line with ': ' in it is quoted as a whole ('checkbox "Done: x"',
  // with '' for a quote); the name inside is a JSON string.
  const snapshot = (await list.ariaSnapshot()).replaceAll("''", "'");
  return [...snapshot.matchAll(/checkbox "Done: ((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`));
}

async function expectTitles(page, expected, what) {
  await eventually(`${what}: the list shows ${JSON.stringify(expected)}`, async () => {
    const titles = await shownTitles(page);
    return JSON.stringify(titles) === JSON.stringify(expected) || titles;
  });
}

// The "N tasks" status line.
async function expectCount(page, count) {
  const text = new RegExp(`^\\s*${count} tasks?\\s*$`);
  await eventually(`the status says ${count} tasks`, async () =>
    (await page.getByRole('status').filter({ hasText: text }).count()) > 0 ||
    (await page.getByRole('status').allInnerTexts()));
}

// Selects the option of a native <select> combobox whose label matches.
async function choose(combobox, pattern) {
  const labels = (await combobox.getByRole('option').allInnerTexts()).map((label) => label.trim());
  const label = labels.find((candidate) => pattern.test(candidate));
  assert.ok(label, `no option matching ${pattern} in ${JSON.stringify(labels)}`);
  await combobox.selectOption({ label });
}

async function fillTaskForm(scope, task) {
  await scope.getByRole('textbox', { name: 'Title', exact: true }).fill(task.title);
  if (task.description !== undefined) await scope.getByRole('textbox', { name: 'Description', exact: true }).fill(task.description);
  if (task.priority) await choose(scope.getByRole('combobox', { name: 'Priority', exact: true }), new RegExp(`^${task.priority}$`, 'i'));
  if (task.tags !== undefined) await scope.getByRole('textbox', { name: 'Tags', exact: true }).fill(task.tags);
  if (task.due !== undefined) await scope.getByLabel('Due date', { exact: true }).fill(task.due);
}

async function signUpInUi(page, email) {
  await page.goto(url('/signup'));
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
  await eventually('the app is at / after signing up', () => new URL(page.url()).pathname === '/' || page.url());
}

async function signInInUi(page, email, password = PASSWORD) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('the web app at /', () => {
  const started = Date.now();
  let browser;
  const contexts = [];
  const problems = [];
  const axeResults = [];

  // A fresh browser context (its own sessionStorage: a separate person),
  // with script errors and CSP refusals collected.
  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Failed requests (the 401s a test provokes) are logged as errors too;
      // a refused script or style is what matters here.
      if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });
    return page;
  }

  async function shoot(page, name) {
    await page.screenshot({ path: join(screenshotDir, `app-${name}.png`), fullPage: true });
  }

  // axe-core evaluated in the page (through the DevTools protocol, which the
  // page's CSP does not apply to; an injected <script> would be refused).
  async function checkAccessibility(page, name) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const { violations, passes } = await axe.run(document, { resultTypes: ['violations'] });
      return {
        passes: passes.length,
        violations: violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
      };
    });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    axeResults.push({ page: name, violations: result.violations.length, serious: serious.length });
    assert.deepEqual(serious, [], `axe-core on ${name}: serious or critical violations`);
  }

  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    const summary = axeResults.map((r) => `${r.page} ${r.serious}/${r.violations}`).join(', ');
    console.log(`app.test.mjs: axe-core serious or critical/all violations per page: ${summary || 'none run'}`);
    console.log(`app.test.mjs: screenshots in ${screenshotDir}`);
    console.log(`app.test.mjs: took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  const ada = { email: uniqueEmail('ada') };
  let adaPage;

  it('serves the app at / and at client routes, with the proxy’s headers', async () => {
    for (const path of ['/', '/signin', '/signup', '/account', '/no/such/page']) {
      const response = await fetch(url(path));
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type'), /^text\/html/, path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
      assert.match(response.headers.get('content-security-policy'), /script-src 'self';/, path);
    }
  });

  it('signs a new user up at /signup and lands on the empty task list', async () => {
    adaPage = await newPage();
    const page = adaPage;
    await page.goto(url('/signup'));
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await shoot(page, 'signup');
    await checkAccessibility(page, '/signup');
    await signUpInUi(page, ada.email);
    await page.getByRole('button', { name: 'Sign out' }).first().waitFor();
    await page.getByRole('link', { name: 'Account' }).waitFor();
    await page.getByText('No tasks yet').waitFor();
    await shoot(page, 'tasks-empty');
    await checkAccessibility(page, '/ (empty)');
    assert.deepEqual(problems, []);
  });

  const tasks = [
    { title: 'Pay the rent', description: 'Before the 5th', priority: 'high', tags: 'home, money', due: isoDate(-2) },
    { title: 'Book flights', description: 'Lisbon in May', priority: 'medium', tags: 'travel', due: isoDate(10) },
    { title: 'Water the plants', description: '', priority: 'low', tags: 'home', due: '' },
    { title: 'Write the quarterly report', description: 'Numbers from finance', priority: 'high', tags: 'work', due: isoDate(3) },
  ];

  it('creates tasks with tags, priorities and due dates; an overdue one is marked', async () => {
    const page = adaPage;
    const form = page.getByRole('form', { name: 'New task' });
    for (const [index, task] of tasks.entries()) {
      await fillTaskForm(form, task);
      await form.getByRole('button', { name: 'Add task' }).click();
      await page.getByRole('checkbox', { name: `Done: ${task.title}` }).waitFor();
      await expectCount(page, index + 1);
    }
    // Newest first, the API's default order.
    await expectTitles(page, tasks.map((t) => t.title).reverse(), 'after creating');
    const items = taskList(page).getByRole('listitem');
    const overdue = items.filter({ has: page.getByRole('checkbox', { name: 'Done: Pay the rent' }) });
    await overdue.getByText('Overdue').waitFor();
    for (const title of ['Book flights', 'Water the plants', 'Write the quarterly report']) {
      const item = items.filter({ has: page.getByRole('checkbox', { name: `Done: ${title}` }) });
      assert.equal(await item.getByText('Overdue').count(), 0, `${title} is not overdue`);
    }
    // What the API holds is what was typed.
    const token = await apiLogin(ada.email);
    const stored = (await api('/api/tasks?sort=title&order=asc', { token })).body;
    const rent = stored.find((t) => t.title === 'Pay the rent');
    assert.deepEqual([...rent.tags].sort(), ['home', 'money']);
    assert.equal(rent.priority, 'high');
    assert.equal(rent.description, 'Before the 5th');
    assert.ok(rent.due_date && new Date(rent.due_date) < new Date(), `an overdue due_date: ${rent.due_date}`);
    assert.equal(stored.find((t) => t.title === 'Water the plants').due_date, null);
    await shoot(page, 'tasks');
    await checkAccessibility(page, '/ (tasks)');
    assert.deepEqual(problems, []);
  });

  it('filters by status, priority and tag, searches (debounced), sorts and orders', async () => {
    const page = adaPage;
    const byPriority = page.getByRole('combobox', { name: 'Filter by priority' });
    await choose(byPriority, /^high$/i);
    await expectTitles(page, ['Write the quarterly report', 'Pay the rent'], 'priority high');
    await expectCount(page, 2);
    await choose(byPriority, /all|any/i);
    await expectCount(page, 4);

    const byTag = page.getByRole('textbox', { name: 'Filter by tag' });
    await byTag.fill('home');
    await expectTitles(page, ['Water the plants', 'Pay the rent'], 'tag home');
    await byTag.fill('');
    await expectCount(page, 4);

    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.pressSequentially('REPORT', { delay: 30 });
    await expectTitles(page, ['Write the quarterly report'], 'search "REPORT" (title, any case)');
    await search.fill('lisbon');
    await expectTitles(page, ['Book flights'], 'search "lisbon" (description)');
    await search.fill('');
    await expectCount(page, 4);

    await choose(page.getByRole('combobox', { name: 'Sort by' }), /title/i);
    await choose(page.getByRole('combobox', { name: 'Order' }), /asc|a\s*[-–→]\s*z|oldest|lowest/i);
    await expectTitles(page, ['Book flights', 'Pay the rent', 'Water the plants', 'Write the quarterly report'], 'title ascending');
    await choose(page.getByRole('combobox', { name: 'Sort by' }), /due/i);
    await expectTitles(page, ['Pay the rent', 'Write the quarterly report', 'Book flights', 'Water the plants'], 'due date ascending (none last)');
    await choose(page.getByRole('combobox', { name: 'Order' }), /desc|z\s*[-–→]\s*a|newest|highest/i);
    await choose(page.getByRole('combobox', { name: 'Sort by' }), /created/i);
    await expectTitles(page, tasks.map((t) => t.title).reverse(), 'created descending');
    await shoot(page, 'tasks-filtered');
    assert.deepEqual(problems, []);
  });

  it('edits a task inline, toggles it done, filters by status, deletes one after confirming', async () => {
    const page = adaPage;
    await page.getByRole('button', { name: 'Edit Book flights' }).click();
    const editing = taskList(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Save', exact: true }) });
    await fillTaskForm(editing, { title: 'Book flights to Lisbon', priority: 'high', tags: 'travel, family' });
    await shoot(page, 'task-editing');
    await editing.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Done: Book flights to Lisbon' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Done: Book flights', exact: true }).count(), 0);

    // Cancel leaves the task as it was.
    await page.getByRole('button', { name: 'Edit Water the plants' }).click();
    const cancelling = taskList(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Cancel', exact: true }) });
    await cancelling.getByRole('textbox', { name: 'Title', exact: true }).fill('Something else');
    await cancelling.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Done: Water the plants' }).waitFor();

    const done = page.getByRole('checkbox', { name: 'Done: Pay the rent' });
    await done.check();
    await eventually('Pay the rent is checked', async () => await done.isChecked());
    // Done, it is no longer overdue.
    const rentItem = taskList(page).getByRole('listitem').filter({ has: done });
    await eventually('a done task is not marked overdue', async () => (await rentItem.getByText('Overdue').count()) === 0);

    const status = page.getByRole('combobox', { name: 'Status' });
    await choose(status, /^done$/i);
    await expectTitles(page, ['Pay the rent'], 'status done');
    await choose(status, /^pending$/i);
    await expectTitles(page, ['Write the quarterly report', 'Water the plants', 'Book flights to Lisbon'], 'status pending');
    await choose(status, /^all$/i);
    await expectCount(page, 4);

    // Delete: the dialog's Cancel keeps the task, its Delete removes it.
    await page.getByRole('button', { name: 'Delete Water the plants' }).click();
    let dialog = page.getByRole('dialog', { name: 'Delete task?' });
    await dialog.waitFor();
    await shoot(page, 'task-delete-dialog');
    await checkAccessibility(page, '/ (delete dialog)');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectCount(page, 4);
    await page.getByRole('button', { name: 'Delete Water the plants' }).click();
    dialog = page.getByRole('dialog', { name: 'Delete task?' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expectTitles(page, ['Write the quarterly report', 'Book flights to Lisbon', 'Pay the rent'], 'after deleting');
    await expectCount(page, 3);

    const token = await apiLogin(ada.email);
    const stored = (await api('/api/tasks?sort=title&order=asc', { token })).body;
    assert.deepEqual(stored.map((t) => [t.title, t.completed]), [
      ['Book flights to Lisbon', false], ['Pay the rent', true], ['Write the quarterly report', false],
    ]);
    assert.equal(stored[0].priority, 'high');
    assert.deepEqual([...stored[0].tags].sort(), ['family', 'travel']);
    assert.deepEqual(problems, []);
  });

  it('shows the account page, signs out, signs in again (a wrong password first) and finds the tasks', async () => {
    const page = adaPage;
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await page.getByText(`Signed in as ${ada.email}`).waitFor();
    await page.getByRole('button', { name: 'Sign out everywhere' }).waitFor();
    const change = page.getByRole('form', { name: 'Change password' });
    await change.getByLabel('Current password', { exact: true }).waitFor();
    await change.getByLabel('New password', { exact: true }).waitFor();
    await change.getByRole('button', { name: 'Change password' }).waitFor();
    await page.getByLabel('Password to confirm', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete account' }).waitFor();
    await shoot(page, 'account');
    await checkAccessibility(page, '/account');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await eventually('at /signin after signing out', () => new URL(page.url()).pathname === '/signin' || page.url());
    // Signed out means signed out: / sends the visitor to sign in.
    await page.goto(url('/'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
    await shoot(page, 'signin');
    await checkAccessibility(page, '/signin');

    await signInInUi(page, ada.email, 'not the password at all');
    await page.getByRole('alert').filter({ hasText: 'Incorrect email or password' }).waitFor();
    await checkAccessibility(page, '/signin (wrong password)');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await expectTitles(page, ['Write the quarterly report', 'Book flights to Lisbon', 'Pay the rent'], 'after signing in again');
    assert.deepEqual(problems, []);
  });

  it('pages with "Load more" past the app’s page size', async () => {
    const page = await newPage();
    const email = uniqueEmail('pager');
    // The page size is the one the app asks for (its `limit`).
    const firstList = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/tasks' && r.method() === 'GET');
    await signUpInUi(page, email);
    const limit = Number(new URL((await firstList).url()).searchParams.get('limit') ?? 50);
    assert.ok(limit >= 1 && limit <= 100, `limit ${limit}`);
    const total = limit + 3;
    const token = await apiLogin(email);
    for (let i = 1; i <= total; i += 1) {
      const title = `Paged task ${String(i).padStart(3, '0')}`;
      const created = await api('/api/tasks', { method: 'POST', token, body: { title } });
      assert.equal(created.status, 201, `${title}: ${JSON.stringify(created.body)}`);
    }
    await page.reload();
    await expectCount(page, total);
    await eventually(`one page of ${limit}`, async () => (await shownTitles(page)).length === limit || (await shownTitles(page)).length);
    const more = page.getByRole('button', { name: 'Load more' });
    await more.waitFor();
    await more.click();
    const expected = Array.from({ length: total }, (_, i) => `Paged task ${String(total - i).padStart(3, '0')}`);
    await expectTitles(page, expected, 'all pages');
    await eventually('no "Load more" once everything is shown', async () => (await more.count()) === 0);
    await shoot(page, 'tasks-paged');
    assert.deepEqual(problems, []);
  });

  it('keeps two users in two browser contexts apart', async () => {
    const bob = await newPage();
    const bobEmail = uniqueEmail('bob');
    await signUpInUi(bob, bobEmail);
    await bob.getByText('No tasks yet').waitFor();
    assert.deepEqual(await shownTitles(bob), [], 'a new user sees none of Ada’s tasks');
    const form = bob.getByRole('form', { name: 'New task' });
    await fillTaskForm(form, { title: 'Bob’s secret plan', tags: 'private' });
    await form.getByRole('button', { name: 'Add task' }).click();
    await expectTitles(bob, ['Bob’s secret plan'], 'Bob’s list');

    // Ada's tab, reloaded (sessionStorage keeps her session), and searched.
    await adaPage.reload();
    await expectTitles(adaPage, ['Write the quarterly report', 'Book flights to Lisbon', 'Pay the rent'], 'Ada’s list beside Bob');
    await adaPage.getByRole('searchbox', { name: 'Search' }).fill('secret');
    await expectCount(adaPage, 0);
    assert.deepEqual(await shownTitles(adaPage), []);
    await adaPage.getByRole('searchbox', { name: 'Search' }).fill('');
    await adaPage.getByRole('textbox', { name: 'Filter by tag' }).fill('private');
    await eventually('Ada’s tag filter finds nothing of Bob’s', async () => (await shownTitles(adaPage)).length === 0);
    await adaPage.getByRole('textbox', { name: 'Filter by tag' }).fill('');
    await bob.reload();
    await expectTitles(bob, ['Bob’s secret plan'], 'Bob’s list after Ada’s activity');
    assert.deepEqual(problems, []);
  });

  it('a session revoked elsewhere ("Sign out everywhere") leads back to sign-in with a message, then back to the page', async () => {
    const page = adaPage;
    await page.goto(url('/account'));
    await page.getByRole('heading', { name: 'Account' }).waitFor();

    // Ada on a second device: signs in and signs out everywhere.
    const other = await newPage();
    await other.goto(url('/signin'));
    await signInInUi(other, ada.email);
    await other.getByRole('heading', { name: 'Tasks' }).waitFor();
    await other.getByRole('link', { name: 'Account' }).click();
    await other.getByRole('button', { name: 'Sign out everywhere' }).click();
    await other.getByRole('heading', { name: 'Sign in' }).waitFor();

    // The first tab's tokens, access and refresh, are revoked: its next call
    // fails, its refresh fails, and it asks to sign in again. task-service
    // learns of the revocation within 2 s, so the tab is reloaded until then.
    await eventually('the revoked tab is sent to /signin?next=...', async () => {
      await page.goto(url('/account'));
      await page.getByRole('heading', { name: /^(Account|Sign in)$/ }).first().waitFor();
      await page.waitForTimeout(300);
      return new URL(page.url()).pathname === '/signin' || page.url();
    }, 15_000);
    const next = new URL(page.url()).searchParams.get('next');
    assert.equal(next, '/account', `next=${next}`);
    await page.getByRole('alert').filter({ hasText: 'Your session has ended. Please sign in again.' }).waitFor();
    await shoot(page, 'signin-session-ended');
    await checkAccessibility(page, '/signin (session ended)');

    await signInInUi(page, ada.email);
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await eventually('back at /account after signing in', () => new URL(page.url()).pathname === '/account' || page.url());
    await page.getByText(`Signed in as ${ada.email}`).waitFor();
    assert.deepEqual(problems, []);
  });
});
