// Where things are, relative to the repository root.
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const k8sDir = `${repoRoot}deploy/k8s`;
export const overlays = ['dev', 'prod'];
