// Whether dist/ was built from the current sources: a file under src/ (or a tsconfig) newer than
// dist/index.js means it was not. Used by bin/polis.js in a checkout, the test setup and the CLI bench, so
// nothing runs a stale build without saying so. mtimes, not hashes: a checkout that touches a file
// without changing it only costs one rebuild.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Why `root`'s dist/ is stale (missing, or the first newer source or folder), or `undefined` when it is current. */
export function distStaleReason(root) {
  const marker = join(root, 'dist', 'index.js');
  if (!existsSync(marker)) return 'dist/ is missing';
  const built = statSync(marker).mtimeMs;
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) {
    if (statSync(join(root, file)).mtimeMs > built) return `${file} changed after the last build`;
  }
  const newer = newerThan(join(root, 'src'), built);
  return newer ? `${relative(root, newer)} changed after the last build` : undefined;
}

// A directory's own mtime moves when a file in it is added, renamed or deleted.
function newerThan(dir, time) {
  if (statSync(dir).mtimeMs > time) return dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerThan(path, time);
      if (found) return found;
    } else if (statSync(path).mtimeMs > time) return path;
  }
  return undefined;
}
