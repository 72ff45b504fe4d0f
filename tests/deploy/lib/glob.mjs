// The one glob form nginx `include` lines use here: a directory and a file
// name pattern with `*` (Node 20 has no fs.globSync). Sorted, as nginx does.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function globSync(pattern) {
  const dir = path.dirname(pattern);
  const name = path.basename(pattern);
  if (!name.includes('*')) return existsSync(pattern) ? [pattern] : [];
  if (dir.includes('*')) throw new Error(`unsupported glob ${pattern}`);
  const regex = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return readdirSync(dir).filter((entry) => regex.test(entry)).sort().map((entry) => path.join(dir, entry));
}
