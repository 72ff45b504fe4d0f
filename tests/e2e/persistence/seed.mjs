// First half of the persistence check (tests/e2e/run.sh): creates users and
// tasks and writes what it made to $E2E_STATE_FILE. The stack is then
// stopped and started again, and verify.mjs checks all of it is still there.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { it } from 'node:test';

import { request } from '../lib/client.mjs';
import { newUser } from '../lib/users.mjs';

const stateFile = process.env.E2E_STATE_FILE;

const drafts = [
  { title: 'Persist plain' },
  { title: 'Persist full', description: 'every field', priority: 'high', tags: ['a', 'b, c', '{"q"}', '🙂'],
    due_date: '2026-12-01T17:00:00Z', completed: true },
  { title: 'Persist dated', due_date: '2027-02-03', priority: 'low' },
];

it('creates users and tasks to find again after a restart', async () => {
  assert.ok(stateFile, 'E2E_STATE_FILE must name where to write the state');
  const users = [];
  for (const label of ['persist-a', 'persist-b']) {
    const user = await newUser(label);
    const tasks = [];
    for (const draft of drafts) {
      const response = await request('POST', '/api/tasks', { token: user.token, body: draft });
      assert.equal(response.status, 201, response.body);
      tasks.push(response.json);
    }
    users.push({ ...user, tasks });
  }
  await writeFile(stateFile, JSON.stringify(users, null, 2));
});
