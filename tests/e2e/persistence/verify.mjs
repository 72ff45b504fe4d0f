// Second half of the persistence check: after the whole stack was stopped
// and started again, every user can log in with the same password, the old
// token still works (the generated JWT secret was kept), and every task is
// exactly as it was.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';

import { request } from '../lib/client.mjs';
import { logIn } from '../lib/users.mjs';

const byId = (a, b) => a.id - b.id;

it('finds every user and task again after a restart', async () => {
  const users = JSON.parse(await readFile(process.env.E2E_STATE_FILE, 'utf8'));
  assert.ok(users.length > 0);
  for (const user of users) {
    const oldToken = await request('GET', '/auth/me', { token: user.token });
    assert.equal(oldToken.status, 200, `token issued before the restart: ${oldToken.body}`);
    assert.deepEqual(oldToken.json, user.me);

    const token = await logIn(user.email, user.password);
    const listed = await request('GET', '/api/tasks?limit=100', { token });
    assert.equal(listed.status, 200);
    assert.deepEqual([...listed.json].sort(byId), [...user.tasks].sort(byId));
    for (const task of user.tasks) {
      const fetched = await request('GET', `/api/tasks/${task.id}`, { token });
      assert.deepEqual(fetched.json, task);
    }
  }
});
