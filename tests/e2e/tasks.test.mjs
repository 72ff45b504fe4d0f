// The task API through the proxy: create, read, list and filter, update,
// toggle, delete, and the wall between two users.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { request } from './lib/client.mjs';
import { newUser } from './lib/users.mjs';

const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

async function createTask(token, body) {
  const response = await request('POST', '/api/tasks', { token, body });
  assert.equal(response.status, 201, response.body);
  return response.json;
}

// list(token, query) → { tasks, total }
async function list(token, query = '') {
  const response = await request('GET', `/api/tasks${query}`, { token });
  assert.equal(response.status, 200, response.body);
  assert.ok(Array.isArray(response.json));
  return { tasks: response.json, total: Number(response.headers['x-total-count']) };
}

const titles = (tasks) => tasks.map((task) => task.title).sort();

describe('one user’s tasks', () => {
  let user;
  before(async () => {
    user = await newUser('tasks');
  });

  it('creates a task with defaults, normalised fields and a Location', async () => {
    const response = await request('POST', '/api/tasks', {
      token: user.token,
      body: {
        title: '  Buy milk ',
        tags: ['home', 'errands', 'home'],
        due_date: '2026-12-01',
        unknown_field: 'ignored',
      },
    });
    assert.equal(response.status, 201, response.body);
    const task = response.json;
    assert.equal(response.headers.location, `/api/tasks/${task.id}`);
    assert.ok(Number.isInteger(task.id) && task.id > 0);
    assert.equal(task.user_id, user.id);
    assert.equal(task.title, 'Buy milk');
    assert.equal(task.description, null);
    assert.equal(task.completed, false);
    assert.equal(task.priority, 'medium');
    assert.deepEqual(task.tags, ['home', 'errands']);
    assert.match(task.due_date, isoUtc);
    assert.equal(Date.parse(task.due_date), Date.UTC(2026, 11, 1));
    assert.match(task.created_at, isoUtc);
    assert.match(task.updated_at, isoUtc);
    assert.ok(!('unknown_field' in task));

    const fetched = await request('GET', `/api/tasks/${task.id}`, { token: user.token });
    assert.equal(fetched.status, 200);
    assert.deepEqual(fetched.json, task);
  });

  it('refuses invalid fields with 422', async () => {
    const response = await request('POST', '/api/tasks', {
      token: user.token,
      body: { title: '   ', priority: 'urgent' },
    });
    assert.equal(response.status, 422);
    const locations = response.json.detail.map((item) => item.loc.join('.'));
    assert.ok(locations.includes('body.title'), locations.join());
  });

  it('locates a bad list element by its integer index, as FastAPI does', async () => {
    const response = await request('POST', '/api/tasks', {
      token: user.token,
      body: { title: 'Tagged', tags: ['ok', 7] },
    });
    assert.equal(response.status, 422);
    assert.deepEqual(response.json.detail.map((item) => item.loc), [['body', 'tags', 1]]);
    assert.equal(response.json.detail[0].type, 'string_type');
  });

  it('lists and filters by status, priority, tag and search, with X-Total-Count', async () => {
    const owner = await newUser('filters');
    await createTask(owner.token, { title: 'Write report', priority: 'high', tags: ['work'] });
    await createTask(owner.token, {
      title: 'Water plants', description: 'The big FERN too', tags: ['home'], completed: true,
    });
    await createTask(owner.token, { title: 'Call Bob', priority: 'low', tags: ['work', 'phone'] });

    const all = await list(owner.token);
    assert.equal(all.total, 3);
    assert.deepEqual(titles(all.tasks), ['Call Bob', 'Water plants', 'Write report']);
    // Newest first by default.
    assert.deepEqual(all.tasks.map((task) => task.title), ['Call Bob', 'Water plants', 'Write report']);

    assert.deepEqual(titles((await list(owner.token, '?status=completed')).tasks), ['Water plants']);
    assert.deepEqual(titles((await list(owner.token, '?status=pending')).tasks), ['Call Bob', 'Write report']);
    assert.deepEqual(titles((await list(owner.token, '?priority=high')).tasks), ['Write report']);
    assert.deepEqual(titles((await list(owner.token, '?tag=work')).tasks), ['Call Bob', 'Write report']);
    assert.deepEqual(titles((await list(owner.token, '?search=fern')).tasks), ['Water plants']);
    assert.deepEqual(
      titles((await list(owner.token, '?tag=work&status=pending&priority=low')).tasks), ['Call Bob']);

    const sorted = await list(owner.token, '?sort=title&order=asc');
    assert.deepEqual(sorted.tasks.map((task) => task.title), ['Call Bob', 'Water plants', 'Write report']);

    const page = await list(owner.token, '?limit=2&offset=2&sort=title&order=asc');
    assert.equal(page.total, 3);
    assert.deepEqual(page.tasks.map((task) => task.title), ['Write report']);
  });

  it('answers an unknown filter value with 422 naming the query parameter', async () => {
    const response = await request('GET', '/api/tasks?status=done', { token: user.token });
    assert.equal(response.status, 422);
    assert.deepEqual(response.json.detail[0].loc, ['query', 'status']);
  });

  it('updates with PUT and PATCH, changing only the fields sent', async () => {
    const task = await createTask(user.token, { title: 'Draft', description: 'first', tags: ['a'] });

    const put = await request('PUT', `/api/tasks/${task.id}`, {
      token: user.token, body: { title: 'Final', priority: 'high' },
    });
    assert.equal(put.status, 200, put.body);
    assert.equal(put.json.title, 'Final');
    assert.equal(put.json.priority, 'high');
    assert.equal(put.json.description, 'first');
    assert.deepEqual(put.json.tags, ['a']);
    assert.notEqual(put.json.updated_at, task.updated_at);
    assert.equal(put.json.created_at, task.created_at);

    const patch = await request('PATCH', `/api/tasks/${task.id}`, {
      token: user.token, body: { description: null, due_date: '2027-01-02T03:04:05Z', tags: [] },
    });
    assert.equal(patch.status, 200, patch.body);
    assert.equal(patch.json.description, null);
    assert.equal(Date.parse(patch.json.due_date), Date.UTC(2027, 0, 2, 3, 4, 5));
    assert.deepEqual(patch.json.tags, []);
    assert.equal(patch.json.title, 'Final');

    const emptyTitle = await request('PATCH', `/api/tasks/${task.id}`, {
      token: user.token, body: { title: '' },
    });
    assert.equal(emptyTitle.status, 422);

    const stored = await request('GET', `/api/tasks/${task.id}`, { token: user.token });
    assert.deepEqual(stored.json, patch.json);
  });

  it('toggles completion, or sets it when told', async () => {
    const task = await createTask(user.token, { title: 'Toggle me' });
    const path = `/api/tasks/${task.id}/complete`;

    const first = await request('PATCH', path, { token: user.token });
    assert.equal(first.status, 200, first.body);
    assert.equal(first.json.completed, true);
    const second = await request('PATCH', path, { token: user.token });
    assert.equal(second.json.completed, false);

    const set = await request('PATCH', path, { token: user.token, body: { completed: true } });
    assert.equal(set.json.completed, true);
    const setAgain = await request('PATCH', path, { token: user.token, body: { completed: true } });
    assert.equal(setAgain.status, 200);
    assert.equal(setAgain.json.completed, true);
  });

  it('deletes with 204, and the task is gone', async () => {
    const task = await createTask(user.token, { title: 'Delete me' });
    const deleted = await request('DELETE', `/api/tasks/${task.id}`, { token: user.token });
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, '');

    const fetched = await request('GET', `/api/tasks/${task.id}`, { token: user.token });
    assert.equal(fetched.status, 404);
    assert.deepEqual(fetched.json, { detail: 'Task not found' });
    const again = await request('DELETE', `/api/tasks/${task.id}`, { token: user.token });
    assert.equal(again.status, 404);
  });

  it('answers a non-integer id with 422 on the path', async () => {
    const response = await request('GET', '/api/tasks/abc', { token: user.token });
    assert.equal(response.status, 422);
    assert.deepEqual(response.json.detail[0].loc, ['path', 'id']);
  });

  it('requires a token', async () => {
    const response = await request('GET', '/api/tasks');
    assert.equal(response.status, 401);
    assert.match(response.headers['www-authenticate'], /^Bearer/);
  });
});

describe('two users', () => {
  it('never see or change each other’s tasks: another user’s task is 404', async () => {
    const alice = await newUser('alice');
    const bob = await newUser('bob');
    const secret = await createTask(alice.token, { title: 'Alice only', tags: ['private'] });
    await createTask(bob.token, { title: 'Bob only' });

    const bobs = await list(bob.token);
    assert.equal(bobs.total, 1);
    assert.deepEqual(titles(bobs.tasks), ['Bob only']);
    assert.equal((await list(bob.token, '?tag=private')).total, 0);

    const path = `/api/tasks/${secret.id}`;
    const attempts = [
      await request('GET', path, { token: bob.token }),
      await request('PUT', path, { token: bob.token, body: { title: 'Mine now' } }),
      await request('PATCH', path, { token: bob.token, body: { title: 'Mine now' } }),
      await request('PATCH', `${path}/complete`, { token: bob.token }),
      await request('DELETE', path, { token: bob.token }),
    ];
    for (const response of attempts) {
      assert.equal(response.status, 404);
      assert.deepEqual(response.json, { detail: 'Task not found' });
    }

    const untouched = await request('GET', path, { token: alice.token });
    assert.equal(untouched.status, 200);
    assert.deepEqual(untouched.json, secret);
    assert.deepEqual(titles((await list(alice.token)).tasks), ['Alice only']);
  });
});
