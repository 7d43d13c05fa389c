// Global setup of the `package` tests: build dist/ when it is missing or older than src/ (the same check
// bin/polis.js makes in a checkout), so spawned `polis` processes and the packed tarball run current code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { distStaleReason } from '../../scripts/dist-freshness.mjs';

export function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const stale = distStaleReason(root);
  if (!stale) return;
  console.log(`package tests: ${stale}; building dist/ (npm run build)`);
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: the package tests need a current dist/');
}
